package org.newsdesk.query.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the search page was asked, as it appears in the address bar, and the links that change one part of
 * it (a facet, the sort, a page) while keeping the rest. Values are URL-encoded here; the template escapes
 * the resulting link for HTML as usual.
 */
public record SearchRequest(String q, String entity, String type, String source, String lang, String month,
                            String cluster, String sort, String mode, int page) {

    /** Results per page. */
    public static final int PAGE_SIZE = 20;

    public boolean byDate() {
        return "date".equals(sort);
    }

    public boolean semantic() {
        return "semantic".equals(mode);
    }

    public boolean hasQuery() {
        return q != null && !q.isBlank();
    }

    /** Whether any filter besides the words is set. */
    public boolean filtered() {
        return entity != null || source != null || lang != null || month != null || cluster != null;
    }

    /** The rank of the first result on this page (1-based). */
    public int firstRank() {
        return page * PAGE_SIZE + 1;
    }

    public String previousLink() {
        return pageLink(Math.max(0, page - 1));
    }

    public String nextLink() {
        return pageLink(page + 1);
    }

    /** The same search sorted the other way (relevance ↔ date). */
    public String sortToggle() {
        return with("sort", byDate() ? null : "date");
    }

    /** This search with one parameter set (or removed, for null), back on the first page. */
    public String with(String name, Object newValue) {
        String value = newValue == null ? null : newValue.toString();
        Map<String, String> params = params();
        if (value == null) {
            params.remove(name);
        } else {
            params.put(name, value);
        }
        if (!name.equals("page")) {
            params.remove("page");
        }
        return link(params);
    }

    /** This search without one filter. */
    public String without(String name) {
        return with(name, null);
    }

    public String pageLink(int number) {
        return with("page", number == 0 ? null : Integer.toString(number));
    }

    /** This search with the opposite word/semantic ranking. */
    public String toggleSemantic() {
        return with("mode", semantic() ? null : "semantic");
    }

    public String link() {
        return link(params());
    }

    private Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "q", q);
        put(params, "entity", entity);
        put(params, "type", type);
        put(params, "source", source);
        put(params, "lang", lang);
        put(params, "month", month);
        put(params, "cluster", cluster);
        put(params, "sort", sort);
        put(params, "mode", mode);
        if (page > 0) {
            params.put("page", Integer.toString(page));
        }
        return params;
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value);
        }
    }

    /** Parameters always appear in this order, so the same search always has the same address. */
    private static final java.util.List<String> ORDER =
            java.util.List.of("q", "entity", "type", "source", "lang", "month", "cluster", "sort", "mode", "page");

    private static String link(Map<String, String> params) {
        if (params.isEmpty()) {
            return "/search";
        }
        StringJoiner query = new StringJoiner("&", "/search?", "");
        for (String name : ORDER) {
            String value = params.get(name);
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }
}

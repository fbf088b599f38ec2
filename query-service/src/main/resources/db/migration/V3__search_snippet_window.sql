-- Search snippets from a window of the text around the first match instead of the whole text.
--
-- ts_headline parses (tokenises and stems) every word of the text it is given, and the best-ranked hits of a
-- common word are the longest articles (about 5,000 characters for "government", up to 25,000): the snippets of a
-- page were most of a search's time. newsdesk_headline looks for the first place where one of the query's lexemes
-- appears in the lower-cased text (a plain substring search, no parsing), and gives ts_headline about 1,200
-- characters from a little before that place, cut at spaces. The window is used only when it shows a match:
-- its headline must carry start_sel (a highlighted word) and, when the query combines words (AND, phrase), the
-- window itself must satisfy the whole query, so that "oil prices" is not shown as a lone "oil". Otherwise, and
-- for texts short enough that a window would save nothing, it is ts_headline over the whole text as before.
CREATE FUNCTION newsdesk_headline(config regconfig, body text, query tsquery, options text, start_sel text)
    RETURNS text
    LANGUAGE plpgsql
    STABLE
    PARALLEL SAFE AS
$$
DECLARE
    folded text;
    lexeme text;
    found  integer;
    first_hit  integer;
    win_from integer;
    win_to   integer;
    slice  text;
    result text;
BEGIN
    IF length(body) > 1500 THEN
        folded := lower(body);
        -- the lexemes of the query as it prints: 'oil' & 'price' | 'oil' & 'prices' (quotes doubled inside)
        FOR lexeme IN SELECT replace(m[1], '''''', '''')
                      FROM regexp_matches(query::text, '''((?:[^'']|'''')+)''', 'g') m
            LOOP
                found := strpos(folded, lexeme);
                IF found > 0 AND (first_hit IS NULL OR found < first_hit) THEN
                    first_hit := found;
                END IF;
            END LOOP;
        IF first_hit IS NOT NULL THEN
            win_from := greatest(1, first_hit - 150);
            IF win_from > 1 THEN
                win_from := win_from + strpos(substr(body, win_from, 40), ' ');
            END IF;
            win_to := win_from + 1200;
            win_to := win_to + strpos(substr(body, win_to, 40), ' ');
            slice := substr(body, win_from, win_to - win_from);
            IF query::text !~ '[&<]' OR to_tsvector(config, slice) @@ query THEN
                result := ts_headline(config, slice, query, options);
                IF strpos(result, start_sel) > 0 THEN
                    RETURN result;
                END IF;
            END IF;
        END IF;
    END IF;
    RETURN ts_headline(config, body, query, options);
END
$$;

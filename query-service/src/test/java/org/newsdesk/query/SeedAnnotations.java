package org.newsdesk.query;

import static org.newsdesk.contracts.Annotation.EntityType.LOCATION;
import static org.newsdesk.contracts.Annotation.EntityType.ORGANIZATION;
import static org.newsdesk.contracts.Annotation.EntityType.PERSON;

/**
 * Hand annotations of the seed articles, as a careful reader (and roughly nlp-service) marks them; every
 * form is located in the real seed text by {@link AnnotatedArticleBuilder}.
 */
public final class SeedAnnotations {

    private SeedAnnotations() {
    }

    /** 000: Tokayev orders urgent measures after Putin's address (November 2024). */
    public static AnnotatedArticleBuilder seed000() {
        return AnnotatedArticleBuilder.seed("000").source("vlast.kz").published("2024-11-22T09:00:00Z")
                .entity("e1", "Kassym-Jomart Tokayev", PERSON, "Kassym-Jomart Tokayev", "Tokayev")
                .entity("e2", "Vladimir Putin", PERSON, "Vladimir Putin", "Putin")
                .entity("e3", "Serik Uali", PERSON, "Serik Uali", "Uali")
                .entity("e4", "CSTO", ORGANIZATION, "CSTO")
                .entity("e5", "Kazakhstan", LOCATION, "Kazakhstan")
                // the seed has no-break spaces inside the quote's first words
                .quote("maintain stability, tranquility, law, and order.", "e3", "Serik Uali", "wrote")
                .date("November 21", "2024-11-21", "DATE")
                .date("November 27", "2024-11-27", "DATE");
    }

    /** 001: Security Council meeting, appeal to the CSTO (6 January 2022). */
    public static AnnotatedArticleBuilder seed001() {
        return AnnotatedArticleBuilder.seed("001").source("astanatimes.com").published("2022-01-06T18:00:00Z")
                .entity("e1", "Kassym-Jomart Tokayev", PERSON, "Kassym-Jomart Tokayev", "President Tokayev")
                .entity("e2", "CSTO", ORGANIZATION, "CSTO")
                .entity("e3", "Nikol Pashinyan", PERSON, "Nikol Pashinyan", "Pashinyan")
                .entity("e4", "Almaty", LOCATION, "Almaty")
                .entity("e5", "Kazakhstan", LOCATION, "Kazakhstan")
                .quote("I want to assure you that I will do my best as the President of the Republic of Kazakhstan "
                        + "to protect our vital interests.", "e1", "Head of State", "concluded")
                .date("Jan. 6", "2022-01-06", "DATE")
                .date("January 2", "2022-01-02", "DATE");
    }

    /** 002: Putin and Tokayev on the phone; casualties and arrests (January 2022). */
    public static AnnotatedArticleBuilder seed002() {
        return AnnotatedArticleBuilder.seed("002").source("cnn-digest").published("2022-01-09T10:00:00Z")
                .entity("e1", "Kassym-Jomart Tokayev", PERSON, "Kassym-Jomart Tokayev", "Tokayev")
                .entity("e2", "Vladimir Putin", PERSON, "Vladimir Putin", "Putin")
                .entity("e3", "Nursultan Nazarbayev", PERSON, "Nursultan Nazarbayev", "Nazarbayev")
                .entity("e4", "Almaty", LOCATION, "Almaty")
                .entity("e5", "Kazakhstan", LOCATION, "Kazakhstan")
                .entity("e6", "Askar Mamin", PERSON, "Askar Mamin")
                .quote("progressing towards stability.", "e1", "President Tokayev", "informed")
                .date("January 5", "2022-01-05", "DATE")
                .date("January 10", "2022-01-10", "DATE")
                .fact("18 police officers have been murdered", "killed", 18, null, "police officers")
                .fact("748 have been wounded", "wounded", 748, null, "police officers")
                .fact("More than 3,000 demonstrators have been arrested", "arrested", 3000, "more than", "demonstrators")
                .keyphrase("state of emergency", 0.61)
                .keyphrase("day of mourning", 0.55);
    }

    /** 003: Tokayev urges readiness to repel threats (October 2022). */
    public static AnnotatedArticleBuilder seed003() {
        return AnnotatedArticleBuilder.seed("003").source("newsroom").published("2022-10-26T08:00:00Z")
                .entity("e1", "Kassym-Jomart Tokayev", PERSON, "Kassym-Jomart Tokayev", "President Tokayev")
                .entity("e2", "Zhandos Umiraliyev", PERSON, "Zhandos Umiraliyev")
                .entity("e3", "Kazakhstan", LOCATION, "Kazakhstan")
                .quote("We must be ready to fight back if there are any threats to our country.", "e1",
                        "Kassym-Jomart Tokayev", "said");
    }

    /** 004: the same Security Council meeting, "Kassym-Zhomart", the CSTO spelled out (5 January 2022). */
    public static AnnotatedArticleBuilder seed004() {
        return AnnotatedArticleBuilder.seed("004").source("euronews").published("2022-01-05T21:09:00Z")
                .entity("e1", "Kassym-Zhomart Tokayev", PERSON, "Kassym-Zhomart Tokayev", "Tokayev")
                .entity("e2", "Collective Security Treaty Organisation", ORGANIZATION,
                        "Collective Security Treaty Organisation", "CSTO")
                .entity("e3", "Almaty", LOCATION, "Almaty")
                .entity("e4", "Kazakhstan", LOCATION, "Kazakhstan")
                .quote("Today I appealed to the heads of CSTO states to assist Kazakhstan in overcoming this terrorist "
                        + "threat.", "e1", "Tokayev", "said")
                .fact("from 60 to 120 tenge", "price", 120, "from 60 to", "liquefied gas");
    }
}

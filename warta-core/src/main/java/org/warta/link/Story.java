package org.warta.link;

import java.util.List;

/**
 * Reports of different articles that {@link StoryLinker} judged to describe the same real-world event.
 *
 * @param id the first 16 hex characters of the SHA-256 of the story's canonical member key: the smallest
 *     {@link StoryLinker#memberKey member key} ({@code articleId + "/" + eventId}) of its reports, in UTF-8.
 *     The same members always give the same id; a story that gains or loses its smallest member changes id
 *     (a store that wants ids stable across re-clustering keeps its own mapping)
 * @param reports the members, earliest first (publication day, then member key)
 * @param articles the number of distinct articles among the reports
 * @param sources the number of distinct outlets among the reports (an unknown outlet counts by article)
 * @param earliest the earliest report (first of {@code reports})
 */
public record Story(String id, List<Report> reports, int articles, int sources, Report earliest) {
    public Story {
        reports = List.copyOf(reports);
    }
}

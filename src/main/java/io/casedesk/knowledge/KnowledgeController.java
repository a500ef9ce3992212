package io.casedesk.knowledge;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class KnowledgeController {

    static final int RESULTS = 20;

    /** One article in a search's answer; the url is its public page, which a reply to a customer may link. */
    record ArticleSummary(String id, String title, List<String> tags, String url) {}

    private final KnowledgeBase knowledge;

    KnowledgeController(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping(path = "/api/kb", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ArticleSummary> search(@RequestParam(required = false) @Size(max = 500) String query) {
        return knowledge.search(query, RESULTS).stream()
                .map(a -> new ArticleSummary(a.publicId(), a.title(), a.tags(), knowledge.url(a)))
                .toList();
    }
}

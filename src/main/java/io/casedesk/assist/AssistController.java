package io.casedesk.assist;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/cases/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
class AssistController {

    private final AgentAssist assist;

    AssistController(AgentAssist assist) {
        this.assist = assist;
    }

    @GetMapping("/similar")
    List<SimilarCase> similar(@PathVariable String reference) {
        return assist.similar(reference);
    }

    @GetMapping("/suggested-reply")
    SuggestedReply suggestedReply(@PathVariable String reference) {
        return assist.suggestedReply(reference);
    }
}

package io.casedesk.knowledge;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public, read-only page of an article, linked from replies to customers: no login, the customer pages' strict
 * CSP. It shows the article and nothing else (no case, no customer); the body is plain text in paragraphs, escaped
 * by Thymeleaf (th:text), so nothing in it is markup.
 */
@Controller
class ArticlePageController {

    private final KnowledgeBase knowledge;

    ArticlePageController(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping("/kb/{idOrSlug}")
    ModelAndView article(@PathVariable String idOrSlug) {
        return knowledge
                .find(idOrSlug)
                .map(a -> new ModelAndView("customer/article")
                        .addObject("article", a)
                        .addObject("paragraphs", paragraphs(a.body())))
                .orElseGet(() -> {
                    var page = new ModelAndView("customer/article-not-found");
                    page.setStatus(HttpStatus.NOT_FOUND);
                    return page;
                });
    }

    static List<String> paragraphs(String body) {
        return Arrays.stream(body.split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }
}

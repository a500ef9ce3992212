package io.casedesk.survey;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The two public customer pages, reached only through the token in a mail link. */
@Controller
class FeedbackPageController {

    private final FeedbackService feedback;

    FeedbackPageController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GetMapping("/resolution/{token}")
    ModelAndView resolution(@PathVariable String token) {
        return feedback.subjectFor(token, false)
                .map(subject -> new ModelAndView("customer/resolution", "subject", subject))
                .orElseGet(FeedbackPageController::linkNotValid);
    }

    @PostMapping("/resolution/{token}")
    ModelAndView answerResolution(@PathVariable String token, @RequestParam boolean fixed) {
        return feedback.answerResolution(token, fixed)
                ? new ModelAndView("customer/thanks", "message", fixed
                        ? "Thank you for confirming. We are glad it is fixed."
                        : "Thank you for telling us. We have reopened your case and will be in touch shortly.")
                : linkNotValid();
    }

    @GetMapping("/survey/{token}")
    ModelAndView survey(@PathVariable String token) {
        return feedback.subjectFor(token, true)
                .map(subject -> new ModelAndView("customer/survey", "subject", subject))
                .orElseGet(FeedbackPageController::linkNotValid);
    }

    @PostMapping("/survey/{token}")
    ModelAndView answerSurvey(@PathVariable String token, @RequestParam int score,
                              @RequestParam(required = false) String comment) {
        if (score < 1 || score > 5) {
            return feedback.subjectFor(token, true)
                    .map(subject -> new ModelAndView("customer/survey", "subject", subject)
                            .addObject("error", "Please choose a score from 1 to 5."))
                    .orElseGet(FeedbackPageController::linkNotValid);
        }
        String trimmed = comment == null ? null : comment.strip();
        if (trimmed != null && trimmed.length() > 2000) {
            trimmed = trimmed.substring(0, 2000);
        }
        return feedback.answerSurvey(token, score, trimmed)
                ? new ModelAndView("customer/thanks", "message", "Thank you for your feedback.")
                : linkNotValid();
    }

    private static ModelAndView linkNotValid() {
        var page = new ModelAndView("customer/link-not-valid");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }
}

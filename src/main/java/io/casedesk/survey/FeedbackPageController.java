package io.casedesk.survey;

import io.casedesk.survey.FeedbackService.Survey;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The two public customer pages, reached only through the token in a mail link. Parameters are read as text and
 * checked here, so a mangled link or form gets a friendly page rather than an error. A page shows nothing but the
 * subject of the token's own case and what the customer just sent; Thymeleaf escapes all of it (th:text).
 */
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
    ModelAndView answerResolution(@PathVariable String token, @RequestParam(required = false) String fixed) {
        if (!"true".equals(fixed) && !"false".equals(fixed)) {
            return feedback.subjectFor(token, false)
                    .map(subject -> badRequest(new ModelAndView("customer/resolution", "subject", subject)
                            .addObject("error", "Please choose one of the two answers.")))
                    .orElseGet(FeedbackPageController::linkNotValid);
        }
        boolean isFixed = Boolean.parseBoolean(fixed);
        return feedback.answerResolution(token, isFixed)
                ? thanks(
                        isFixed
                                ? "Thank you for confirming. We are glad it is fixed."
                                : "Thank you for telling us. We have reopened your case and will be in touch shortly.")
                : linkNotValid();
    }

    /**
     * The survey page. With {@code ?score=N} (the one-click links of the survey mail) it shows the chosen score in a
     * form that the page submits by itself: opening a link (a GET or HEAD, which mail scanners do) records nothing.
     */
    @GetMapping("/survey/{token}")
    ModelAndView survey(@PathVariable String token, @RequestParam(required = false) String score) {
        Optional<Survey> survey = feedback.survey(token);
        if (survey.isEmpty()) {
            return linkNotValid();
        }
        if (score == null || survey.get().scored()) {
            return surveyPage(survey.get());
        }
        Optional<Integer> valid = score(score);
        if (valid.isEmpty()) {
            return badRequest(surveyPage(survey.get()).addObject("error", "Please choose a score from 1 to 5."));
        }
        return new ModelAndView(
                "customer/survey-score", Map.of("survey", survey.get(), "score", valid.get(), "token", token));
    }

    /** The survey form (score and optional comment), or, once scored with one click, the comment alone. */
    @PostMapping("/survey/{token}")
    ModelAndView answerSurvey(
            @PathVariable String token,
            @RequestParam(required = false) String score,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String oneClick) {
        Optional<Survey> survey = feedback.survey(token);
        if (survey.isEmpty()) {
            return linkNotValid();
        }
        if ("true".equals(oneClick)) {
            // the score of a one-click link, sent by its page: recorded once, then the page asks for a comment
            Optional<Integer> valid = score(score);
            if (valid.isEmpty()) {
                return badRequest(surveyPage(survey.get()).addObject("error", "Please choose a score from 1 to 5."));
            }
            return feedback.scoreByLink(token, valid.get())
                    .map(FeedbackPageController::surveyPage)
                    .orElseGet(FeedbackPageController::linkNotValid);
        }
        String text = comment == null ? null : comment.replace("\r\n", "\n").strip();
        if (text != null && text.length() > FeedbackService.MAX_COMMENT_LENGTH) {
            return badRequest(surveyPage(survey.get())
                    .addObject("comment", text)
                    .addObject(
                            "error",
                            "Your comment is longer than %d characters; please shorten it."
                                    .formatted(FeedbackService.MAX_COMMENT_LENGTH)));
        }
        if (survey.get().scored()) {
            return feedback.addSurveyComment(token, text)
                    ? thanks(
                            text == null || text.isEmpty()
                                    ? "Thank you for your feedback."
                                    : "Thank you for your comment. We read every one.")
                    : linkNotValid();
        }
        Optional<Integer> valid = score(score);
        if (valid.isEmpty()) {
            return badRequest(surveyPage(survey.get())
                    .addObject("comment", text)
                    .addObject("error", "Please choose a score from 1 to 5."));
        }
        return feedback.answerSurvey(token, valid.get(), text)
                ? thanks("Thank you for your feedback.")
                : linkNotValid();
    }

    private static ModelAndView surveyPage(Survey survey) {
        return new ModelAndView(survey.scored() ? "customer/survey-comment" : "customer/survey", "survey", survey);
    }

    private static Optional<Integer> score(String value) {
        return value != null && value.strip().matches("[1-5]")
                ? Optional.of(Integer.parseInt(value.strip()))
                : Optional.empty();
    }

    private static ModelAndView thanks(String message) {
        return new ModelAndView("customer/thanks", "message", message);
    }

    private static ModelAndView badRequest(ModelAndView page) {
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }

    /** Unknown, used, retired or expired: one page for all, which names no case. */
    private static ModelAndView linkNotValid() {
        var page = new ModelAndView("customer/link-not-valid");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }
}

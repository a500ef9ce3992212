package io.casedesk.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the service API as application/problem+json that names what was wrong, never a stack trace. A
 * feature's own errors carry their problem (they extend ErrorResponseException), so this knows no feature.
 * <p>
 * As advice it answers what a controller raises. As a {@link HandlerExceptionResolver} it answers the API requests
 * no controller was chosen for, which advice scoped to controllers never sees: an unknown path under /api (404), a
 * known path with another method (405) or media type (406, 415). It runs before Spring MVC's own resolvers, which
 * would answer those with an error page, and writes through the {@link ProblemWriter}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final ProblemWriter problems;

    ApiProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    record FieldProblem(String field, String message) {}

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), e.getDefaultMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new ArrayList<FieldProblem>();
        ex.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(error -> errors.add(new FieldProblem(
                                parameterName(result.getMethodParameter()), error.getDefaultMessage()))));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        var errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(fieldName(v), v.getMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(ex, BodyLimitFilter.BodyTooLargeException.class)) {
            return problem(
                    HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large", "The request body is too large", null);
        }
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            var error = new FieldProblem(path(unknown), "unknown field");
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(List.of(error)), List.of(error));
        }
        // a syntax error inside a nested object reaches us wrapped in a JsonMappingException with that object's
        // path; it is still a broken body, not a field of the wrong type
        JsonParseException syntax = findCause(ex, JsonParseException.class);
        if (syntax != null) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Malformed JSON",
                    "The body is not valid JSON: " + syntax.getOriginalMessage(),
                    null);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            var error = new FieldProblem(path(mapping), "has the wrong type or format");
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(List.of(error)), List.of(error));
        }
        if (cause instanceof JsonProcessingException parse) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Malformed JSON",
                    "The body is not valid JSON: " + parse.getOriginalMessage(),
                    null);
        }
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request", "A JSON body is required", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        if (DatabaseOutage.isCause(ex)) {
            // expected while the database is down: one line per request, not a stack trace each
            log.warn("Database unavailable, answered 503: {}", ex.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(problems.retryAfterSeconds()))
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemWriter.databaseUnavailableProblem());
        }
        log.error("Unexpected error on the API", ex);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "Something went wrong on our side; nothing was changed. Please retry later.",
                null);
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.equals("/api") || path.startsWith("/api/");
        if (!api || ofRestController(handler) || !(ex instanceof ErrorResponse) || response.isCommitted()) {
            return null;
        }
        try {
            if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
                // Spring's detail speaks of static resources
                problems.write(response, HttpStatus.NOT_FOUND, "Not found", "There is no " + path + " in the API");
                return new ModelAndView();
            }
            ResponseEntity<Object> answer = handleException(ex, new ServletWebRequest(request, response));
            if (answer == null || !(answer.getBody() instanceof ProblemDetail problem)) {
                return null;
            }
            answer.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                    values.forEach(value -> response.addHeader(name, value));
                }
            });
            problems.write(response, problem);
            return new ModelAndView();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            log.warn("Could not answer {} on {} as problem+json", ex.getClass().getSimpleName(), path, e);
            return null;
        }
    }

    /** Before Spring MVC's resolvers (order 0), after Spring Boot's error attributes, which only take note. */
    @Override
    public int getOrder() {
        return -1;
    }

    private static boolean ofRestController(Object handler) {
        return handler instanceof HandlerMethod method
                && AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // problems the base class builds (415, 405, 406 ...) get the problem+json content type too
        return ResponseEntity.status(statusCode)
                .headers(headers)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemWriter.problem(status, title, detail);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String describe(List<FieldProblem> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).sorted().collect(Collectors.joining("; "));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        var header = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return parameter.getParameterName();
    }

    /**
     * A violation on a controller method parameter (method validation through @Validated) is named as the client
     * sent it: the header or query parameter name (Idempotency-Key), not the Java parameter name.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        Method method = null;
        Path.Node last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD && violation.getRootBeanClass() != null) {
                var methodNode = node.as(Path.MethodNode.class);
                method = ReflectionUtils.findMethod(
                        violation.getRootBeanClass(),
                        methodNode.getName(),
                        methodNode.getParameterTypes().toArray(Class<?>[]::new));
            }
            last = node;
        }
        if (method != null && last != null && last.getKind() == ElementKind.PARAMETER) {
            var parameter = new org.springframework.core.MethodParameter(
                    method, last.as(Path.ParameterNode.class).getParameterIndex());
            String name = requestName(parameter);
            if (name != null) {
                return name;
            }
        }
        return lastNode(violation.getPropertyPath().toString());
    }

    private static String requestName(org.springframework.core.MethodParameter parameter) {
        var header = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
        if (header != null) {
            return nonEmpty(header.name(), header.value());
        }
        var param = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (param != null) {
            return nonEmpty(param.name(), param.value());
        }
        var path = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
        if (path != null) {
            return nonEmpty(path.name(), path.value());
        }
        return null;
    }

    private static String nonEmpty(String name, String value) {
        return !name.isEmpty() ? name : !value.isEmpty() ? value : null;
    }

    private static String lastNode(String propertyPath) {
        return propertyPath.substring(propertyPath.lastIndexOf('.') + 1);
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        return findCause(ex, type) != null;
    }

    private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

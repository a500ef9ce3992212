package io.casedesk.system;

/**
 * The database cannot be reached: a failure that clears up by itself once it is back. Its message is safe to show
 * (no SQL, no host); the technical cause stays attached for the log.
 */
public class DatabaseUnavailableException extends RuntimeException {

    public static final String MESSAGE =
            "The service is temporarily unavailable: its database cannot be reached. Nothing was saved; please "
                    + "try again shortly.";

    public DatabaseUnavailableException(Throwable cause) {
        super(MESSAGE, cause);
    }
}

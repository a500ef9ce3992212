package io.casedesk.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means "the database cannot be reached" (stopped, restarting, network cut, pool timed out) rather
 * than a mistake in a request or in our code: then the answer is 503 with Retry-After, because the same request will
 * work once the database is back. The failure may come wrapped by Spring, by the engine (ProcessEngineException), by
 * MyBatis (PersistenceException) or by a servlet, so the whole cause chain is read.
 */
public final class DatabaseOutage {

    /** SQLSTATE class 08: connection exception (JDBC, SQL:2003), used by MySQL Connector/J, MariaDB and H2. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private static final int MAX_DEPTH = 32;

    private static final String HIKARI_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

    private DatabaseOutage() {}

    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof DatabaseUnavailableException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && (sql.getSQLState() != null && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)
                            || closedByThePool(sql))) {
                return true;
            }
            // a rollback that failed on the dead connection hides the failure that caused it
            if (t instanceof TransactionSystemException tx
                    && tx.getApplicationException() != null
                    && tx.getApplicationException() != failure
                    && isCause(tx.getApplicationException())) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }

    /**
     * Hikari closes a connection that failed with a connection error and answers any further use of it (the rollback
     * of its transaction, the engine's next statement in the same command) with "Connection is closed", without a
     * SQL state.
     */
    private static boolean closedByThePool(SQLException sql) {
        StackTraceElement[] trace = sql.getStackTrace();
        return sql.getSQLState() == null
                && trace.length > 0
                && trace[0].getClassName().startsWith(HIKARI_CLOSED_CONNECTION);
    }
}

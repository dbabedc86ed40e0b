package com.freshloop.metrics.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few operations the service needs, in the subset of ClickHouse that both Debian's 18.16 and
 * current servers speak over HTTP:
 *
 * <ul>
 *   <li>rows travel as JSONEachRow text, never the binary formats the client prefers (18.16 lacks
 *       RowBinaryWithNamesAndTypes);
 *   <li>the output format is written into the statement ({@code FORMAT JSONEachRow}), because 18.16
 *       ignores the format the client asks for out of band and answers in TabSeparated;
 *   <li>values are spliced in as escaped literals ({@link Sql}), since 18.16 has no query parameters;
 *   <li>the database travels as the {@code database} URL parameter, because 18.16 ignores the
 *       client's {@code X-ClickHouse-Database} header and would run everything in {@code default}.
 * </ul>
 */
public class ClickHouseTemplate {

    /** The HTTP parameter that selects the database; 18.16 ignores the client's header for it. */
    static final String DATABASE_PARAMETER = "database";

    private static final long TIMEOUT_SECONDS = 60;

    private final Client client;
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public ClickHouseTemplate(Client client) {
        this.client = client;
    }

    /** Runs a statement that returns no rows (DDL, {@code OPTIMIZE}, ...). */
    public void execute(String sql) {
        execute(sql, null);
    }

    /**
     * Runs a statement against another database than the configured one, e.g. {@code CREATE
     * DATABASE}: current servers refuse any request whose session database does not exist yet.
     */
    public void execute(String sql, @Nullable String database) {
        QuerySettings settings = new QuerySettings();
        if (database != null) {
            settings.setDatabase(database);
            settings.serverSetting(DATABASE_PARAMETER, database);
        }
        try (QueryResponse response = await(client.query(sql, settings), sql)) {
            response.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw failure(sql, e);
        } catch (Exception e) {
            throw rethrow(sql, e);
        }
    }

    /** Reads every row of a {@code SELECT}, mapped by column name onto {@code rowType}. */
    public <T> List<T> query(String select, Class<T> rowType) {
        String sql = select + "\nFORMAT JSONEachRow";
        try (QueryResponse response = await(client.query(sql), sql);
                InputStream body = response.getInputStream()) {
            return json.readerFor(rowType).<T>readValues(body).readAll();
        } catch (IOException | JacksonException e) {
            throw failure(sql, e);
        } catch (Exception e) {
            throw rethrow(sql, e);
        }
    }

    /** Inserts all rows in one request, each serialised as a JSON object keyed by column name. */
    public void insert(String table, List<?> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(rows.size() * 256);
        for (Object row : rows) {
            json.writeValue(body, row);
            body.write('\n');
        }
        String what = "INSERT INTO " + table + " FORMAT JSONEachRow (" + rows.size() + " rows)";
        try (InsertResponse ignored = await(
                client.insert(table, new ByteArrayInputStream(body.toByteArray()), ClickHouseFormat.JSONEachRow),
                what)) {
            // 18.16 reports no summary; success is the absence of an error
        } catch (Exception e) {
            throw rethrow(what, e);
        }
    }

    /** Whether the server answers at all. */
    public boolean ping() {
        return client.ping();
    }

    private static <R> R await(Future<R> future, String sql) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(sql, e);
        } catch (ExecutionException e) {
            throw failure(sql, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw failure(sql, e);
        }
    }

    private static RuntimeException rethrow(String sql, Exception e) {
        return e instanceof ClickHouseAccessException access ? access : failure(sql, e);
    }

    private static ClickHouseAccessException failure(String sql, Throwable cause) {
        // 18.16 sends no X-ClickHouse-Exception-Code header, so the client cannot extract the server's
        // message and reports "<Unreadable error message>": the statement is what tells the story.
        return new ClickHouseAccessException("ClickHouse failed on: " + abbreviate(sql) + " (" + cause + ")", cause);
    }

    private static String abbreviate(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}

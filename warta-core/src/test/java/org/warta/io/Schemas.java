package org.warta.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

/** The project's JSON Schemas (repository root {@code schema/}, on the classpath as {@code schema/}). */
public final class Schemas {
    private Schemas() {}

    public static JsonSchema load(String name) {
        try (InputStream in = Schemas.class.getResourceAsStream("/schema/" + name + ".schema.json")) {
            if (in == null) throw new IllegalStateException("schema/" + name + ".schema.json is not on the classpath");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The validation errors of {@code node}, one per line; empty when valid. */
    public static String errors(String schema, JsonNode node) {
        Set<ValidationMessage> msgs = load(schema).validate(node);
        return msgs.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n"));
    }
}

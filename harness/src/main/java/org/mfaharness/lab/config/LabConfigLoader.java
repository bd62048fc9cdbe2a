package org.mfaharness.lab.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads a lab configuration from YAML (or JSON) with Jackson, refusing unknown keys, and validates it into a
 * {@link Directory}. The built-in default is the resource {@value #DEFAULT_RESOURCE}.
 */
public final class LabConfigLoader {
    /** The classpath resource of the built-in configuration. */
    public static final String DEFAULT_RESOURCE = "/lab/default-lab.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private LabConfigLoader() {
    }

    /** The built-in configuration. */
    public static LabConfig builtIn() {
        try (InputStream in = LabConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in lab configuration " + DEFAULT_RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in lab configuration");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in lab configuration", e);
        }
    }

    /** Reads a file; a missing or unreadable file is a {@link LabConfigException} naming it. */
    public static LabConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabConfigException("lab config " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(text, "lab config " + file);
    }

    /** Parses YAML text; {@code source} names it in error messages. */
    public static LabConfig parse(String yaml, String source) {
        try {
            LabConfig c = YAML.readValue(yaml, LabConfig.class);
            if (c == null) {
                throw new LabConfigException(source + ": empty");
            }
            return c;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new LabConfigException(source + ": unknown key '" + e.getPropertyName() + "' at "
                    + path(e) + " (known keys: " + known + ")");
        } catch (JsonMappingException e) {
            if (isSyntaxError(e)) {
                throw new LabConfigException(source + ": not valid YAML at line "
                        + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": "
                        + e.getOriginalMessage().lines().findFirst().orElse(""));
            }
            throw new LabConfigException(source + ": invalid value at " + path(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new LabConfigException(source + ": not valid YAML at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
        }
    }

    private static boolean isSyntaxError(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            String n = t.getClass().getName();
            if (t instanceof com.fasterxml.jackson.core.JsonParseException || n.startsWith("org.snakeyaml")
                    || n.startsWith("org.yaml")) {
                return true;
            }
        }
        return false;
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        String p = b.toString();
        int cut = p.lastIndexOf('.');
        // The path ends in the offending key itself for unknown keys: show where it stands.
        if (e instanceof UnrecognizedPropertyException) {
            return cut < 0 ? "the top level" : p.substring(0, cut);
        }
        return p.isEmpty() ? "the top level" : p;
    }
}

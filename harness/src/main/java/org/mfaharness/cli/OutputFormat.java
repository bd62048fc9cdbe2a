package org.mfaharness.cli;

/** Output formats: text for people (stdout), json for machines (exactly one JSON document on stdout). */
public enum OutputFormat {
    text,
    json
}

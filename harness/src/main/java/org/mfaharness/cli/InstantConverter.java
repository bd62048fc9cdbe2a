package org.mfaharness.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Reads {@code --at}: an ISO-8601 instant ({@code 2017-05-08T15:00:00Z}), a date-time with offset, or a date (UTC midnight). */
public final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    throw new CommandLine.TypeConversionException(
                            "'" + s + "' is not an ISO-8601 time (e.g. 2017-05-08T15:00:00Z or 2017-05-08)");
                }
            }
        }
    }
}

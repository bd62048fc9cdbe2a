package org.mfaharness.cli;

import org.mfaharness.cloud.CloudProfile;
import picocli.CommandLine;

/** Reads {@code --cloud}: public, usgov, china or lab. */
public final class CloudConverter implements CommandLine.ITypeConverter<CloudProfile> {
    @Override
    public CloudProfile convert(String s) {
        return CloudProfile.named(s).orElseThrow(() -> new CommandLine.TypeConversionException(
                "unknown cloud '" + s + "' (choose " + String.join(", ", CloudProfile.builtInNames()) + ")"));
    }
}

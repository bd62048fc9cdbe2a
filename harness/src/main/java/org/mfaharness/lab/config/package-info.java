/**
 * The lab's configuration: the YAML schema as records ({@link org.mfaharness.lab.config.LabConfig}), the loader that
 * refuses unknown keys, and the validated {@link org.mfaharness.lab.config.Directory} the parties read.
 */
package org.mfaharness.lab.config;

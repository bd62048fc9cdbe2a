/**
 * Files that hold secrets or captures: created with POSIX mode 0600 at creation time (never chmod-ed afterwards) and
 * replaced atomically (temporary file in the same directory, then an atomic move).
 */
package org.mfaharness.proxy.files;

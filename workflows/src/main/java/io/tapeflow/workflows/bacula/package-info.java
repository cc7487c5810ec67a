/** The Bacula activity contract: bconsole commands on task queue {@code bacula/<director>}. */
package io.tapeflow.workflows.bacula;

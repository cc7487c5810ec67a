/** The manifest activity contract: tape manifests and the audit trail in S3. */
package io.tapeflow.workflows.manifest;

/** {@code ManifestActivities} over the AWS SDK v2 {@code S3Client}, with Jackson. */
package io.tapeflow.activities.manifest;

/** {@code GatewayActivities} over the AWS SDK v2 {@code StorageGatewayClient}. */
package io.tapeflow.activities.gateway;

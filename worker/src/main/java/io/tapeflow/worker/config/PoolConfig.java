package io.tapeflow.worker.config;

import io.tapeflow.bacula.model.PoolName;

/**
 * One entry of {@code pools}: a Bacula pool whose tapes tapeflow creates on one gateway.
 *
 * @param name the Bacula pool
 * @param gateway the name of a configured gateway
 * @param shelf where ejected tapes are archived
 * @param barcodePrefix 1 to 4 letters A-Z starting every new barcode
 * @param tapeSizeBytes the size of new tapes (100 GiB to 15 TiB, whole GiB)
 */
public record PoolConfig(
    PoolName name, String gateway, Shelf shelf, String barcodePrefix, long tapeSizeBytes) {}

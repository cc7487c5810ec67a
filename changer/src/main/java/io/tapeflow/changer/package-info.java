/**
 * SCSI medium changer control for the AWS Tape Gateway's library.
 *
 * <p>{@link io.tapeflow.changer.MediumChanger} is the API: inventory, moves and the idempotent
 * {@code ensureAt}. It is built from a changer URI by {@link io.tapeflow.changer.Changers}. The
 * SMC-3 protocol code in {@code io.tapeflow.changer.smc} is pure (functions over {@code byte[]});
 * the transports that carry CDBs (libiscsi, Linux SG_IO) implement {@link
 * io.tapeflow.changer.scsi.ScsiTransport}; the {@code mtx} transport drives the {@code mtx} binary.
 */
package io.tapeflow.changer;

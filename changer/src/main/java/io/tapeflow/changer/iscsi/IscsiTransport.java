package io.tapeflow.changer.iscsi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.tapeflow.changer.scsi.ScsiCommand;
import io.tapeflow.changer.scsi.ScsiResponse;
import io.tapeflow.changer.scsi.ScsiTransportException;
import io.tapeflow.changer.scsi.SerialTransport;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SCSI commands to one iSCSI logical unit through libiscsi 1.19 ({@code libiscsi.so.7}), called
 * with JNA.
 *
 * <p>One libiscsi context (one iSCSI session) per transport, and every call on it is serialised:
 * libiscsi 1.19 is not thread-safe. libiscsi's own reconnect is off; after a timeout or a lost
 * session the context is destroyed (a late reply may still arrive on it) and the next call logs in
 * again. A CHECK CONDITION comes back as a {@link ScsiResponse} with the raw sense bytes; only a
 * command that was not delivered, timed out or lost its session throws {@link
 * ScsiTransportException}.
 */
public final class IscsiTransport extends SerialTransport {
  private static final Logger log = LoggerFactory.getLogger(IscsiTransport.class);
  private static final SecureRandom random = new SecureRandom();
  private static final byte[] NO_BYTES = new byte[0];

  private final IscsiEndpoint endpoint;
  private final Options options;

  // All guarded by the transport's lock.
  private Pointer context;
  private int contextTimeout;
  private long commands;
  private long logins;

  /**
   * Settings of a transport.
   *
   * @param initiatorName this host's iSCSI initiator name
   * @param loginTimeout how long a login may take
   */
  public record Options(String initiatorName, Duration loginTimeout) {
    public static final String DEFAULT_INITIATOR = "iqn.2025-01.io.tapeflow:initiator";

    public Options {
      Objects.requireNonNull(initiatorName, "initiatorName");
      Objects.requireNonNull(loginTimeout, "loginTimeout");
      if (!initiatorName.matches("(iqn|eui|naa)\\.[A-Za-z0-9.:-]+")) {
        throw new IllegalArgumentException(
            "initiator name '" + initiatorName + "' is not an iqn./eui./naa. name");
      }
      if (loginTimeout.isNegative() || loginTimeout.isZero()) {
        throw new IllegalArgumentException("login timeout must be positive");
      }
    }

    public static Options defaults() {
      return new Options(DEFAULT_INITIATOR, Duration.ofSeconds(15));
    }
  }

  private IscsiTransport(IscsiEndpoint endpoint, Options options) {
    this.endpoint = endpoint;
    this.options = options;
  }

  /** Logs in to {@code endpoint} with default options. */
  public static IscsiTransport open(IscsiEndpoint endpoint) {
    return open(endpoint, Options.defaults());
  }

  /**
   * Logs in to {@code endpoint}.
   *
   * @throws ScsiTransportException if libiscsi is missing or has another ABI, or the login fails
   *     (retryable when the portal could not be reached; not when the target, LUN or CHAP
   *     credentials are refused)
   */
  public static IscsiTransport open(IscsiEndpoint endpoint, Options options) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(options, "options");
    LibIscsi.ensureLoaded();
    IscsiTransport transport = new IscsiTransport(endpoint, options);
    transport.openNow();
    return transport;
  }

  @Override
  protected void ensureOpen() {
    loggedIn();
  }

  @Override
  protected ScsiResponse send(ScsiCommand command) {
    Pointer ctx = context;
    byte[] cdb = command.cdb();
    int length = command.transferLength();
    int xfer = command.transferCode(LibIscsi.XFER_NONE, LibIscsi.XFER_READ, LibIscsi.XFER_WRITE);
    Pointer task = LibIscsi.scsi_create_task(cdb.length, cdb, xfer, length);
    if (task == null) {
      throw new ScsiTransportException("libiscsi could not allocate a task", true);
    }
    Memory in = null;
    Memory outData = null;
    Memory outStruct = null;
    try {
      if (xfer == LibIscsi.XFER_READ) {
        in = buffer(length);
        if (LibIscsi.scsi_task_add_data_in_buffer(task, length, in) != 0) {
          throw new ScsiTransportException("libiscsi refused a " + length + "-byte buffer", false);
        }
      } else if (xfer == LibIscsi.XFER_WRITE) {
        outData = new Memory(length);
        outData.write(0, command.dataOut(), 0, length);
        outStruct = new Memory(16); // struct iscsi_data { size_t size; unsigned char *data; }
        outStruct.setLong(0, length);
        outStruct.setPointer(8, outData);
      }
      int timeout = seconds(command.timeout());
      if (timeout != contextTimeout) {
        LibIscsi.iscsi_set_timeout(ctx, timeout);
        contextTimeout = timeout;
      }
      commands++;
      Pointer done = LibIscsi.iscsi_scsi_command_sync(ctx, endpoint.lun(), task, outStruct);
      int status = done == null ? LibIscsi.STATUS_ERROR : LibIscsi.scsi_task_get_status(task, null);
      if (done == null
          || status == LibIscsi.STATUS_TIMEOUT
          || status == LibIscsi.STATUS_ERROR
          || status == LibIscsi.STATUS_CANCELLED) {
        String error = LibIscsi.iscsi_get_error(ctx);
        dropSession();
        String what = status == LibIscsi.STATUS_TIMEOUT ? "timed out after " : "failed within ";
        throw new ScsiTransportException(
            String.format(
                Locale.ROOT,
                "%s to %s %s%s s (%s); outcome unknown, the session was dropped and the next"
                    + " command logs in again",
                command,
                endpoint,
                what,
                seconds(command.timeout()),
                error),
            true);
      }
      if (status == ScsiResponse.CHECK_CONDITION) {
        return ScsiResponse.of(status, NO_BYTES, rawSense(task));
      }
      // The response copies the received bytes once, straight out of the reused native buffer.
      ByteBuffer data =
          in == null ? ByteBuffer.allocate(0) : bufferView().slice(0, received(task, length));
      return ScsiResponse.of(status & 0xFF, data, NO_BYTES);
    } finally {
      LibIscsi.scsi_free_scsi_task(task);
      // libiscsi held raw pointers into these; keep them alive until the task is gone.
      Reference.reachabilityFence(outData);
      Reference.reachabilityFence(outStruct);
    }
  }

  /** Bytes actually received: the expected length less an underflow residual. */
  private static int received(Pointer task, int length) {
    if (task.getInt(ScsiTaskLayout.RESIDUAL_STATUS) != LibIscsi.RESIDUAL_UNDERFLOW) {
      return length;
    }
    long residual = task.getLong(ScsiTaskLayout.RESIDUAL);
    return (int) Math.max(0, Math.min(length, length - residual));
  }

  /**
   * The raw sense bytes: with a CHECK CONDITION libiscsi leaves the iSCSI sense segment (2-byte
   * length, then the sense) in {@code datain}. If that is missing, fixed-format sense is rebuilt
   * from libiscsi's parsed key and ASC/ASCQ so callers always get decodable bytes.
   */
  private byte[] rawSense(Pointer task) {
    int size = task.getInt(ScsiTaskLayout.DATAIN_SIZE);
    Pointer data = task.getPointer(ScsiTaskLayout.DATAIN_DATA);
    if (data != null && size >= 2) {
      int declared = ((data.getByte(0) & 0xFF) << 8) | (data.getByte(1) & 0xFF);
      int n = Math.min(declared, size - 2);
      if (n > 0) {
        return data.getByteArray(2, n);
      }
    }
    Memory sense = new Memory(ScsiTaskLayout.SENSE_SIZE);
    sense.clear();
    LibIscsi.scsi_task_get_status(task, sense);
    int key = sense.getInt(ScsiTaskLayout.SENSE_KEY);
    int ascq = sense.getInt(ScsiTaskLayout.SENSE_ASCQ);
    byte[] fixed = new byte[18];
    fixed[0] = 0x70;
    fixed[2] = (byte) (key & 0x0F);
    fixed[7] = 10;
    fixed[12] = (byte) (ascq >> 8);
    fixed[13] = (byte) ascq;
    return fixed;
  }

  private Pointer loggedIn() {
    if (context != null) {
      return context;
    }
    Pointer ctx = LibIscsi.iscsi_create_context(options.initiatorName());
    if (ctx == null) {
      throw new ScsiTransportException("libiscsi could not create a context", true);
    }
    boolean ok = false;
    try {
      LibIscsi.iscsi_set_targetname(ctx, endpoint.targetIqn());
      LibIscsi.iscsi_set_session_type(ctx, LibIscsi.SESSION_NORMAL);
      LibIscsi.iscsi_set_header_digest(ctx, LibIscsi.HEADER_DIGEST_NONE);
      LibIscsi.iscsi_set_noautoreconnect(ctx, 1);
      // A random ISID per session: two sessions of one initiator name to one target must differ,
      // or the target reinstates (drops) the older one.
      LibIscsi.iscsi_set_isid_random(ctx, random.nextInt(1 << 24), 0);
      if (endpoint.hasChap()
          && LibIscsi.iscsi_set_initiator_username_pwd(
                  ctx, endpoint.chapUser(), endpoint.chapSecret())
              != 0) {
        throw new ScsiTransportException("libiscsi refused the CHAP credentials", false);
      }
      contextTimeout = seconds(options.loginTimeout());
      LibIscsi.iscsi_set_timeout(ctx, contextTimeout);
      if (LibIscsi.iscsi_full_connect_sync(ctx, endpoint.portal(), endpoint.lun()) != 0) {
        throw IscsiLoginFailures.of(endpoint, LibIscsi.iscsi_get_error(ctx));
      }
      ok = true;
      logins++;
      context = ctx;
      log.debug("logged in to {}", endpoint);
      return ctx;
    } finally {
      if (!ok) {
        LibIscsi.iscsi_destroy_context(ctx);
      }
    }
  }

  /** Destroys the context without a logout: after a timeout or error the session is unusable. */
  private void dropSession() {
    if (context != null) {
      LibIscsi.iscsi_destroy_context(context);
      context = null;
      log.debug("dropped the session to {}", endpoint);
    }
  }

  private static int seconds(Duration d) {
    long ms = d.toMillis();
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (ms + 999) / 1000));
  }

  /** Commands sent since the transport was opened (one round trip each). */
  public long commandsSent() {
    return locked(() -> commands);
  }

  /** Successful logins since the transport was opened (1 unless a session was lost). */
  public long logins() {
    return locked(() -> logins);
  }

  public IscsiEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public String describe() {
    return endpoint.toString();
  }

  /** Logs out and frees the context. */
  @Override
  protected void release() {
    if (context != null) {
      LibIscsi.iscsi_logout_sync(context);
      LibIscsi.iscsi_destroy_context(context);
      context = null;
    }
  }

  @Override
  public String toString() {
    return "IscsiTransport[" + endpoint + "]";
  }
}

/*
 * sg-iscsi-shim: an LD_PRELOAD library that makes one fake device path behave like a Linux
 * SCSI generic (sg) node whose commands go to an iSCSI logical unit through libiscsi.
 * Test-only: it lets unmodified SG_IO users (mtx, tapeflow's SgIoTransport) drive a tgt library
 * without a kernel initiator.
 *
 * Environment:
 *   TAPEFLOW_SHIM_DEVICE   the path to intercept (compared as given to open())
 *   TAPEFLOW_SHIM_URL      iscsi://[user[%password]@]host:port/target-iqn/lun
 *   TAPEFLOW_SHIM_DEBUG    if set, each CDB and its outcome are logged on stderr
 *
 * open() of the path logs in and returns a descriptor of /dev/null; ioctl() on it answers
 * SG_GET_VERSION_NUM, SG_SET_TIMEOUT, SG_GET_TIMEOUT, SCSI_IOCTL_GET_IDLUN and SG_IO;
 * close() logs out. Everything else passes through to libc.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <iscsi/iscsi.h>
#include <iscsi/scsi-lowlevel.h>
#include <pthread.h>
#include <scsi/sg.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define SHIM_SG_VERSION 30536
#define SHIM_SCSI_IOCTL_GET_IDLUN 0x5382
#define DID_NO_CONNECT 0x01
#define DID_TIME_OUT 0x03
#define DID_ERROR 0x07
#define DRIVER_TIMEOUT 0x06
#define DRIVER_SENSE 0x08

/* Recursive: libiscsi itself calls close() and ioctl() (FIONREAD) on its socket while we hold it. */
static pthread_mutex_t lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static volatile int fake_fd = -1;
static int sg_timeout_ticks = 6000;
static struct iscsi_context *iscsi;
static int iscsi_lun;

static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_ioctl)(int, unsigned long, ...);
static int (*real_close)(int);

static void resolve(void) {
  if (real_open) return;
  real_open = dlsym(RTLD_NEXT, "open");
  real_open64 = dlsym(RTLD_NEXT, "open64");
  real_openat = dlsym(RTLD_NEXT, "openat");
  real_ioctl = dlsym(RTLD_NEXT, "ioctl");
  real_close = dlsym(RTLD_NEXT, "close");
}

static int debug(void) { return getenv("TAPEFLOW_SHIM_DEBUG") != NULL; }

static int is_fake_path(const char *path) {
  const char *dev = getenv("TAPEFLOW_SHIM_DEVICE");
  return path && dev && *dev && strcmp(path, dev) == 0;
}

static void disconnect(void) {
  if (iscsi) {
    iscsi_logout_sync(iscsi);
    iscsi_destroy_context(iscsi);
    iscsi = NULL;
  }
}

/* Logs in to the URL's target; 0 or -1 with errno set. */
static int connect_target(void) {
  const char *url = getenv("TAPEFLOW_SHIM_URL");
  if (url == NULL) {
    fprintf(stderr, "sg-iscsi-shim: TAPEFLOW_SHIM_URL is not set\n");
    errno = ENXIO;
    return -1;
  }
  iscsi = iscsi_create_context("iqn.2025-01.io.tapeflow:sg-shim");
  if (iscsi == NULL) {
    errno = ENOMEM;
    return -1;
  }
  struct iscsi_url *u = iscsi_parse_full_url(iscsi, url);
  if (u == NULL) {
    fprintf(stderr, "sg-iscsi-shim: bad TAPEFLOW_SHIM_URL %s: %s\n", url, iscsi_get_error(iscsi));
    disconnect();
    errno = EINVAL;
    return -1;
  }
  iscsi_set_targetname(iscsi, u->target);
  iscsi_set_session_type(iscsi, ISCSI_SESSION_NORMAL);
  iscsi_set_header_digest(iscsi, ISCSI_HEADER_DIGEST_NONE);
  if (u->user[0]) iscsi_set_initiator_username_pwd(iscsi, u->user, u->passwd);
  iscsi_lun = u->lun;
  int rc = iscsi_full_connect_sync(iscsi, u->portal, u->lun);
  iscsi_destroy_url(u);
  if (rc != 0) {
    fprintf(stderr, "sg-iscsi-shim: login to %s failed: %s\n", url, iscsi_get_error(iscsi));
    iscsi_destroy_context(iscsi);
    iscsi = NULL;
    errno = ENXIO;
    return -1;
  }
  return 0;
}

static int open_fake(void) {
  int saved_errno = errno;
  pthread_mutex_lock(&lock);
  int fd = -1;
  if (fake_fd >= 0) {
    errno = EBUSY; /* one opener at a time, like O_EXCL */
  } else if (connect_target() == 0) {
    fd = real_open("/dev/null", O_RDWR);
    if (fd < 0) disconnect();
    fake_fd = fd;
  }
  pthread_mutex_unlock(&lock);
  if (fd >= 0) errno = saved_errno; /* libiscsi's non-blocking connect leaves EINPROGRESS */
  return fd;
}

int open(const char *path, int flags, ...) {
  resolve();
  if (is_fake_path(path)) return open_fake();
  va_list ap;
  va_start(ap, flags);
  mode_t mode = va_arg(ap, mode_t);
  va_end(ap);
  return real_open(path, flags, mode);
}

int open64(const char *path, int flags, ...) {
  resolve();
  if (is_fake_path(path)) return open_fake();
  va_list ap;
  va_start(ap, flags);
  mode_t mode = va_arg(ap, mode_t);
  va_end(ap);
  return real_open64(path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...) {
  resolve();
  if (is_fake_path(path)) return open_fake();
  va_list ap;
  va_start(ap, flags);
  mode_t mode = va_arg(ap, mode_t);
  va_end(ap);
  return real_openat(dirfd, path, flags, mode);
}

/* glibc's fortified open() calls land here. */
int __open_2(const char *path, int flags) { return open(path, flags, 0); }
int __open64_2(const char *path, int flags) { return open64(path, flags, 0); }

int close(int fd) {
  resolve();
  if (fd < 0 || fd != fake_fd) return real_close(fd);
  pthread_mutex_lock(&lock);
  if (fd >= 0 && fd == fake_fd) {
    disconnect();
    fake_fd = -1;
  }
  pthread_mutex_unlock(&lock);
  return real_close(fd);
}

static long elapsed_ms(const struct timespec *t0) {
  struct timespec t1;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Runs one sg_io_hdr through libiscsi and fills in its outputs the way the sg driver does. */
static int do_sg_io(sg_io_hdr_t *h) {
  if (h->interface_id != 'S' || h->iovec_count != 0) return errno = EINVAL, -1;
  if (h->cmd_len < 6 || h->cmd_len > 16) return errno = EMSGSIZE, -1;
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  h->status = h->masked_status = h->msg_status = 0;
  h->sb_len_wr = 0;
  h->host_status = h->driver_status = 0;
  h->resid = 0;
  h->info = 0;
  if (iscsi == NULL && connect_target() != 0) {
    h->host_status = DID_NO_CONNECT;
    h->info = SG_INFO_CHECK;
    return 0;
  }
  int dir = SCSI_XFER_NONE;
  if (h->dxfer_len > 0 && h->dxfer_direction == SG_DXFER_FROM_DEV) dir = SCSI_XFER_READ;
  if (h->dxfer_len > 0 && h->dxfer_direction == SG_DXFER_TO_DEV) dir = SCSI_XFER_WRITE;
  struct scsi_task *task = scsi_create_task(h->cmd_len, h->cmdp, dir, dir ? h->dxfer_len : 0);
  if (task == NULL) return errno = ENOMEM, -1;
  if (dir == SCSI_XFER_READ) scsi_task_add_data_in_buffer(task, h->dxfer_len, h->dxferp);
  struct iscsi_data out = {h->dxfer_len, h->dxferp};
  iscsi_set_timeout(iscsi, h->timeout ? (int)((h->timeout + 999) / 1000) : 0);
  struct scsi_task *done =
      iscsi_scsi_command_sync(iscsi, iscsi_lun, task, dir == SCSI_XFER_WRITE ? &out : NULL);
  h->duration = elapsed_ms(&t0);
  if (done == NULL || task->status == SCSI_STATUS_TIMEOUT || task->status == SCSI_STATUS_ERROR ||
      task->status == SCSI_STATUS_CANCELLED) {
    int timed_out = done != NULL && task->status == SCSI_STATUS_TIMEOUT;
    if (debug()) fprintf(stderr, "sg-iscsi-shim: %02Xh failed: %s\n", h->cmdp[0], iscsi_get_error(iscsi));
    h->host_status = timed_out ? DID_TIME_OUT : DID_ERROR;
    h->driver_status = timed_out ? DRIVER_TIMEOUT : 0;
    h->resid = h->dxfer_len;
    h->info = SG_INFO_CHECK;
    scsi_free_scsi_task(task);
    disconnect(); /* a late reply may still come: start a new session next time */
    return 0;
  }
  h->status = task->status & 0xFF;
  h->masked_status = (h->status >> 1) & 0x7F;
  if (task->status == SCSI_STATUS_CHECK_CONDITION) {
    /* The iSCSI sense segment: 2-byte length, then the raw sense bytes. */
    int n = task->datain.size >= 2 ? task->datain.size - 2 : 0;
    if (n > h->mx_sb_len) n = h->mx_sb_len;
    if (n > 0) memcpy(h->sbp, task->datain.data + 2, n);
    h->sb_len_wr = n;
    h->driver_status = DRIVER_SENSE;
    h->resid = h->dxfer_len;
  } else if (dir == SCSI_XFER_READ && task->residual_status == SCSI_RESIDUAL_UNDERFLOW) {
    h->resid = (int)task->residual;
  }
  if (h->status != 0) h->info = SG_INFO_CHECK;
  if (debug()) {
    fprintf(stderr, "sg-iscsi-shim:");
    for (int i = 0; i < h->cmd_len; i++) fprintf(stderr, " %02X", h->cmdp[i]);
    fprintf(stderr, " -> status %02Xh sense %d resid %d\n", h->status, h->sb_len_wr, h->resid);
  }
  scsi_free_scsi_task(task);
  return 0;
}

int ioctl(int fd, unsigned long request, ...) {
  resolve();
  va_list ap;
  va_start(ap, request);
  void *arg = va_arg(ap, void *);
  va_end(ap);
  if (fd < 0 || fd != fake_fd) return real_ioctl(fd, request, arg);
  int saved_errno = errno;
  pthread_mutex_lock(&lock);
  int fake = fd == fake_fd;
  int rc = 0;
  if (fake) {
    switch (request) {
      case SG_GET_VERSION_NUM:
        *(int *)arg = SHIM_SG_VERSION;
        break;
      case SG_SET_TIMEOUT:
        sg_timeout_ticks = *(int *)arg;
        break;
      case SG_GET_TIMEOUT:
        rc = sg_timeout_ticks;
        break;
      case SHIM_SCSI_IOCTL_GET_IDLUN:
        memset(arg, 0, 2 * sizeof(int)); /* LUN 0 for the CDB's legacy LUN bits */
        break;
      case SG_IO:
        rc = do_sg_io((sg_io_hdr_t *)arg);
        break;
      default:
        errno = ENOTTY;
        rc = -1;
    }
  }
  pthread_mutex_unlock(&lock);
  if (fake && rc >= 0) errno = saved_errno;
  return fake ? rc : real_ioctl(fd, request, arg);
}

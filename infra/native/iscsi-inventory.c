/*
 * iscsi-inventory: reads every element of a SCSI medium changer over iSCSI with libiscsi,
 * one READ ELEMENT STATUS per element type (transport, drives, storage, import/export).
 *
 *   iscsi-inventory --portal HOST:PORT --target IQN --lun N [--user U --password P] --print
 *       one line per element: TYPE ADDRESS full|empty BARCODE|- SOURCE|-
 *   iscsi-inventory ... --bench N
 *       N full inventories on one session; prints the median and the round trips per inventory.
 *
 * Test and benchmark tooling for tapeflow (the baseline the Java transport is compared with).
 * Mode page 1Dh is read once at start to size the requests, as a long-lived client would.
 */
#include <iscsi/iscsi.h>
#include <iscsi/scsi-lowlevel.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *TYPE_NAMES[] = {"?", "TRANSPORT", "STORAGE", "IMPORT_EXPORT", "DRIVE"};
/* The order a full inventory reads the element types in. */
static const int TYPE_ORDER[] = {1, 4, 2, 3};

struct range {
  int first;
  int count;
};

struct session {
  struct iscsi_context *iscsi;
  int lun;
  long round_trips;
};

static void fail(const char *what, struct iscsi_context *iscsi) {
  fprintf(stderr, "iscsi-inventory: %s: %s\n", what, iscsi ? iscsi_get_error(iscsi) : "");
  exit(1);
}

static int be16(const unsigned char *p) { return (p[0] << 8) | p[1]; }
static int be24(const unsigned char *p) { return (p[0] << 16) | (p[1] << 8) | p[2]; }

/* Runs one data-in command into buf; returns the bytes received, or exits on any failure. */
static int run_in(struct session *s, unsigned char *cdb, int cdb_len, unsigned char *buf, int len) {
  struct scsi_task *task = scsi_create_task(cdb_len, cdb, SCSI_XFER_READ, len);
  if (task == NULL) fail("out of memory", NULL);
  if (scsi_task_add_data_in_buffer(task, len, buf) != 0) fail("data-in buffer", s->iscsi);
  s->round_trips++;
  if (iscsi_scsi_command_sync(s->iscsi, s->lun, task, NULL) == NULL) fail("command failed", s->iscsi);
  if (task->status != SCSI_STATUS_GOOD) {
    fprintf(stderr, "iscsi-inventory: opcode %02Xh: status %d, sense key %d, ASC/ASCQ %04X\n", cdb[0],
            task->status, task->sense.key, task->sense.ascq);
    exit(1);
  }
  int got = len;
  if (task->residual_status == SCSI_RESIDUAL_UNDERFLOW) got = len - (int)task->residual;
  scsi_free_scsi_task(task);
  return got;
}

static void element_ranges(struct session *s, struct range ranges[5]) {
  unsigned char cdb[6] = {0x1A, 0x08, 0x1D, 0x00, 0xFF, 0x00};
  unsigned char buf[255];
  int got = run_in(s, cdb, sizeof cdb, buf, sizeof buf);
  int pos = 4 + buf[3];
  while (pos + 2 <= got) {
    int code = buf[pos] & 0x3F, plen = buf[pos + 1];
    if (code == 0x1D && pos + 2 + 16 <= got) {
      const unsigned char *p = buf + pos + 2;
      ranges[1] = (struct range){be16(p + 0), be16(p + 2)};
      ranges[2] = (struct range){be16(p + 4), be16(p + 6)};
      ranges[3] = (struct range){be16(p + 8), be16(p + 10)};
      ranges[4] = (struct range){be16(p + 12), be16(p + 14)};
      return;
    }
    pos += 2 + plen;
  }
  fprintf(stderr, "iscsi-inventory: no element address assignment page (1Dh)\n");
  exit(1);
}

static int alloc_for(int count) { return 8 + 8 + count * 52; }

/* READ ELEMENT STATUS for one type with VOLTAG; returns the bytes received into buf. */
static int read_type(struct session *s, int type, struct range r, unsigned char *buf) {
  int alloc = alloc_for(r.count);
  unsigned char cdb[12] = {0xB8, (unsigned char)(0x10 | type), (unsigned char)(r.first >> 8),
                           (unsigned char)r.first, (unsigned char)(r.count >> 8),
                           (unsigned char)r.count, 0, (unsigned char)(alloc >> 16),
                           (unsigned char)(alloc >> 8), (unsigned char)alloc, 0, 0};
  return run_in(s, cdb, sizeof cdb, buf, alloc);
}

/* Decodes one READ ELEMENT STATUS reply; prints the elements when out is set; returns the count. */
static int decode(const unsigned char *buf, int got, FILE *out) {
  if (got < 8) return 0;
  int end = 8 + be24(buf + 5);
  if (end > got) end = got;
  int pos = 8, n = 0;
  while (pos + 8 <= end) {
    int type = buf[pos] & 0x0F, pvoltag = buf[pos + 1] & 0x80, dlen = be16(buf + pos + 2);
    int page_end = pos + 8 + be24(buf + pos + 5);
    if (page_end > end) page_end = end;
    if (dlen == 0 || type < 1 || type > 4) return n;
    for (int d = pos + 8; d + 12 <= page_end; d += dlen) {
      const unsigned char *e = buf + d;
      int avail = page_end - d, full = e[2] & 1, svalid = e[9] & 0x80;
      char tag[33] = "-";
      if (full && pvoltag && avail >= 12 + 32) {
        memcpy(tag, e + 12, 32);
        tag[32] = 0;
        for (int i = 31; i >= 0 && (tag[i] == ' ' || tag[i] == 0); i--) tag[i] = 0;
        if (tag[0] == 0) strcpy(tag, "-");
      }
      if (out) {
        fprintf(out, "%s %d %s %s", TYPE_NAMES[type], be16(e), full ? "full" : "empty", tag);
        if (full && svalid) fprintf(out, " %d\n", be16(e + 10)); else fprintf(out, " -\n");
      }
      n++;
    }
    pos = page_end;
  }
  return n;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  const char *portal = NULL, *target = NULL, *user = NULL, *password = NULL;
  int lun = -1, print = 0, bench = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "--print")) { print = 1; continue; }
    if (v == NULL) { fprintf(stderr, "iscsi-inventory: %s needs a value\n", a); return 2; }
    if (!strcmp(a, "--portal")) portal = v;
    else if (!strcmp(a, "--target")) target = v;
    else if (!strcmp(a, "--lun")) lun = atoi(v);
    else if (!strcmp(a, "--user")) user = v;
    else if (!strcmp(a, "--password")) password = v;
    else if (!strcmp(a, "--bench")) bench = atoi(v);
    else { fprintf(stderr, "iscsi-inventory: unknown option %s\n", a); return 2; }
    i++;
  }
  if (!portal || !target || lun < 0 || (!print && bench <= 0)) {
    fprintf(stderr, "usage: iscsi-inventory --portal HOST:PORT --target IQN --lun N "
                    "[--user U --password P] (--print | --bench N)\n");
    return 2;
  }

  struct session s = {iscsi_create_context("iqn.2025-01.io.tapeflow:inventory"), lun, 0};
  if (s.iscsi == NULL) fail("cannot create an iSCSI context", NULL);
  iscsi_set_targetname(s.iscsi, target);
  iscsi_set_session_type(s.iscsi, ISCSI_SESSION_NORMAL);
  iscsi_set_header_digest(s.iscsi, ISCSI_HEADER_DIGEST_NONE);
  if (user && iscsi_set_initiator_username_pwd(s.iscsi, user, password ? password : "") != 0)
    fail("CHAP", s.iscsi);
  if (iscsi_full_connect_sync(s.iscsi, portal, lun) != 0) fail("login", s.iscsi);

  struct range ranges[5] = {{0, 0}};
  element_ranges(&s, ranges);
  unsigned char *bufs[5];
  for (int t = 1; t <= 4; t++) {
    bufs[t] = malloc(alloc_for(ranges[t].count));
    if (bufs[t] == NULL) fail("out of memory", NULL);
  }

  if (print) {
    for (int k = 0; k < 4; k++) {
      int t = TYPE_ORDER[k];
      if (ranges[t].count == 0) continue;
      decode(bufs[t], read_type(&s, t, ranges[t], bufs[t]), stdout);
    }
  } else {
    double *ms = malloc(sizeof(double) * bench);
    long bytes = 0;
    int elements = 0;
    long trips_before = s.round_trips;
    for (int i = 0; i < bench; i++) {
      struct timespec t0, t1;
      clock_gettime(CLOCK_MONOTONIC, &t0);
      int got[5] = {0};
      for (int k = 0; k < 4; k++) {
        int t = TYPE_ORDER[k];
        if (ranges[t].count > 0) got[t] = read_type(&s, t, ranges[t], bufs[t]);
      }
      clock_gettime(CLOCK_MONOTONIC, &t1);
      ms[i] = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
      if (i == 0) {
        for (int t = 1; t <= 4; t++) {
          bytes += got[t];
          elements += decode(bufs[t], got[t], NULL);
        }
      }
    }
    qsort(ms, bench, sizeof(double), cmp_double);
    double median = bench % 2 ? ms[bench / 2] : (ms[bench / 2 - 1] + ms[bench / 2]) / 2;
    printf("median_ms=%.4f min_ms=%.4f max_ms=%.4f iterations=%d round_trips=%ld elements=%d bytes=%ld\n",
           median, ms[0], ms[bench - 1], bench, (s.round_trips - trips_before) / bench, elements, bytes);
    free(ms);
  }
  for (int t = 1; t <= 4; t++) free(bufs[t]);
  iscsi_logout_sync(s.iscsi);
  iscsi_destroy_context(s.iscsi);
  return 0;
}

/*
 * iscsi-layout: prints the offset and size of the struct scsi_task fields tapeflow's
 * IscsiTransport reads directly, as libiscsi's installed header lays them out, one
 * "name offset size" line each. A test compares them with the transport's constants.
 */
#include <iscsi/iscsi.h>
#include <iscsi/scsi-lowlevel.h>
#include <stddef.h>
#include <stdio.h>

#define FIELD(f) printf("%s %zu %zu\n", #f, offsetof(struct scsi_task, f), sizeof(((struct scsi_task *)0)->f))

int main(void) {
  printf("sizeof %zu %zu\n", sizeof(struct scsi_task), sizeof(struct scsi_task));
  FIELD(status);
  FIELD(cdb_size);
  FIELD(xfer_dir);
  FIELD(expxferlen);
  FIELD(cdb);
  FIELD(residual_status);
  FIELD(residual);
  FIELD(sense);
  FIELD(datain.size);
  FIELD(datain.data);
  printf("scsi_sense %zu %zu\n", (size_t)0, sizeof(struct scsi_sense));
  printf("iscsi_data %zu %zu\n", (size_t)0, sizeof(struct iscsi_data));
  return 0;
}

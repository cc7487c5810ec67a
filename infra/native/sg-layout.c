/*
 * sg-layout: prints sizeof(struct sg_io_hdr) and the offset and size of each field, as
 * <scsi/sg.h> lays them out on this machine, one "name offset size" line each. tapeflow's
 * SgIoTransport test compares its explicit byte layout with this output.
 */
#include <scsi/sg.h>
#include <stddef.h>
#include <stdio.h>

#define FIELD(f) printf("%s %zu %zu\n", #f, offsetof(sg_io_hdr_t, f), sizeof(((sg_io_hdr_t *)0)->f))

int main(void) {
  printf("sizeof %zu %zu\n", sizeof(sg_io_hdr_t), sizeof(sg_io_hdr_t));
  FIELD(interface_id);
  FIELD(dxfer_direction);
  FIELD(cmd_len);
  FIELD(mx_sb_len);
  FIELD(iovec_count);
  FIELD(dxfer_len);
  FIELD(dxferp);
  FIELD(cmdp);
  FIELD(sbp);
  FIELD(timeout);
  FIELD(flags);
  FIELD(pack_id);
  FIELD(usr_ptr);
  FIELD(status);
  FIELD(masked_status);
  FIELD(msg_status);
  FIELD(sb_len_wr);
  FIELD(host_status);
  FIELD(driver_status);
  FIELD(resid);
  FIELD(duration);
  FIELD(info);
  printf("SG_IO %d 0\n", SG_IO);
  printf("SG_GET_VERSION_NUM %d 0\n", SG_GET_VERSION_NUM);
  printf("SG_DXFER_NONE %d 0\n", SG_DXFER_NONE);
  printf("SG_DXFER_TO_DEV %d 0\n", SG_DXFER_TO_DEV);
  printf("SG_DXFER_FROM_DEV %d 0\n", SG_DXFER_FROM_DEV);
  return 0;
}

package io.tapeflow.changer.sg;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The libc calls the SG_IO transport needs. They return -1 on failure and the caller then reads
 * errno from {@link Native#getLastError()}: declaring {@code LastErrorException} would make JNA
 * throw whenever errno is non-zero, which a successful call may leave behind.
 */
interface LibC extends Library {
  int O_RDWR = 2;
  int EPERM = 1;
  int ENOENT = 2;
  int EINTR = 4;
  int EIO = 5;
  int ENXIO = 6;
  int EAGAIN = 11;
  int ENOMEM = 12;
  int EACCES = 13;
  int EFAULT = 14;
  int EBUSY = 16;
  int ENODEV = 19;
  int EINVAL = 22;
  int ENOTTY = 25;
  int EMSGSIZE = 90;

  static LibC load() {
    return Native.load("c", LibC.class);
  }

  int open(String path, int flags);

  int close(int fd);

  int ioctl(int fd, NativeLong request, Pointer arg);
}

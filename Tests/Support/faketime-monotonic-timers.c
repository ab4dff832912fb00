/*
 * Preloaded before libfaketime when the tests run under faketime (scripts/test).
 *
 * libfaketime 0.9.10 shifts absolute deadlines by the fake offset on every clock, monotonic
 * ones included, even with FAKETIME_DONT_FAKE_MONOTONIC=1 (wolfcw/libfaketime#378): the
 * monotonic timerfds of libdispatch and SwiftNIO then never fire (Task.sleep hangs), and
 * Python's time.sleep (clock_nanosleep on CLOCK_MONOTONIC) fails with EINVAL. This shim
 * passes what is monotonic straight to the kernel (it remembers each timerfd's clock);
 * realtime timers and sleeps still go to libfaketime, which fakes them as it should.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#define TRACKED 4096
static unsigned char monotonic[TRACKED];

int timerfd_create(int clockid, int flags) {
  int fd = (int)syscall(SYS_timerfd_create, clockid, flags);
  if (fd >= 0 && fd < TRACKED) monotonic[fd] = clockid != CLOCK_REALTIME && clockid != CLOCK_REALTIME_ALARM;
  return fd;
}

int timerfd_settime(int fd, int flags, const struct itimerspec *value, struct itimerspec *old) {
  if (fd >= 0 && fd < TRACKED && monotonic[fd]) return (int)syscall(SYS_timerfd_settime, fd, flags, value, old);
  int (*next)(int, int, const struct itimerspec *, struct itimerspec *) = dlsym(RTLD_NEXT, "timerfd_settime");
  return next(fd, flags, value, old);
}

int timerfd_gettime(int fd, struct itimerspec *value) {
  if (fd >= 0 && fd < TRACKED && monotonic[fd]) return (int)syscall(SYS_timerfd_gettime, fd, value);
  int (*next)(int, struct itimerspec *) = dlsym(RTLD_NEXT, "timerfd_gettime");
  return next(fd, value);
}

int clock_nanosleep(clockid_t clockid, int flags, const struct timespec *request, struct timespec *remain) {
  if (clockid != CLOCK_REALTIME && clockid != CLOCK_REALTIME_ALARM) {
    /* The kernel's clock_nanosleep returns the error number itself, as the libc function does. */
    long result = syscall(SYS_clock_nanosleep, clockid, flags, request, remain);
    return result == 0 ? 0 : errno;
  }
  int (*next)(clockid_t, int, const struct timespec *, struct timespec *) = dlsym(RTLD_NEXT, "clock_nanosleep");
  return next(clockid, flags, request, remain);
}

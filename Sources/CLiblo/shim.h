#ifndef PODIUM_CLIBLO_SHIM_H
#define PODIUM_CLIBLO_SHIM_H
#include <sys/types.h>
#include <lo/lo.h>
#endif

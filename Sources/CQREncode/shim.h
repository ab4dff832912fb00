#ifndef PODIUM_CQRENCODE_SHIM_H
#define PODIUM_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif

#ifndef PODIUM_CXLSXWRITER_SHIM_H
#define PODIUM_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif

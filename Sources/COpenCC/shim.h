#ifndef REPORTD_COPENCC_SHIM_H
#define REPORTD_COPENCC_SHIM_H
// OpenCC's C API: traditional/simplified conversion tables from Debian's libopencc-dev.
#include <opencc/opencc.h>
#endif

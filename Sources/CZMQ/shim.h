#ifndef REPORTD_CZMQ_SHIM_H
#define REPORTD_CZMQ_SHIM_H
#include <zmq.h>
#endif

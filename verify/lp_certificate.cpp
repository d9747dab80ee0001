#include "verify/lp_certificate.h"

#include "generators/lp_generator.h"

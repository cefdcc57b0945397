// liquid-lint as a library: include this for everything.
#pragma once

#include "lint/config.hpp"
#include "lint/finding.hpp"
#include "lint/linter.hpp"
#include "lint/model.hpp"
#include "lint/report.hpp"
#include "lint/rule.hpp"

// liquid: a Shopify-dialect Liquid engine. Include this for everything.
#pragma once

#include "liquid/ast.hpp"
#include "liquid/context.hpp"
#include "liquid/environment.hpp"
#include "liquid/error.hpp"
#include "liquid/filter.hpp"
#include "liquid/json.hpp"
#include "liquid/loader.hpp"
#include "liquid/origin.hpp"
#include "liquid/tag.hpp"
#include "liquid/template.hpp"
#include "liquid/value.hpp"

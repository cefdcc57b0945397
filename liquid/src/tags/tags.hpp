// The standard tags, one file each; Environment::standard() registers them.
#pragma once

#include "liquid/context.hpp"
#include "liquid/tag.hpp"

namespace liquid::tags {
TagDef assign();
TagDef capture();
TagDef case_();
TagDef comment();
TagDef cycle();
TagDef decrement();
TagDef doc();
TagDef echo();
TagDef for_();
TagDef break_();
TagDef continue_();
TagDef if_();
TagDef ifchanged();
TagDef include();
TagDef increment();
TagDef inline_comment();
TagDef raw();
TagDef render();
TagDef tablerow();
TagDef unless();
}  // namespace liquid::tags

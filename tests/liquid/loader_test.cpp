// Tests liquid/src/loader.cpp: the in-memory and directory partial loaders and the shared cache.
#include "liquid/loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_util.hpp"

namespace liquid {
namespace {

namespace fs = std::filesystem;

TEST(Loader, MemoryLoader) {
  MemoryLoader loader;
  loader.add("a", "A");
  loader.add("dir/b", "B");
  EXPECT_EQ(loader.load("a"), "A");
  EXPECT_EQ(loader.load("dir/b"), "B");
  EXPECT_EQ(loader.load("b"), std::nullopt);
  EXPECT_EQ(loader.load("a.liquid"), std::nullopt);  // names exactly as written
  loader.add("a", "A2");
  EXPECT_EQ(loader.load("a"), "A2");
  EXPECT_EQ(loader.display_name("a"), "a");
}

class DirectoryLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("liquid_loader_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "sub");
    write("plain", "as written");
    write("card.liquid", "<{{ card }}>");
    write("both", "without extension");
    write("both.liquid", "with extension");
    write("sub/item.liquid", "item {{ item }}");
    write(std::string("nul\0name", 8).substr(0, 3), "nul");
    fs::create_directories(root_ / "dir.liquid");
    fs::create_directories(fs::path(root_).parent_path() / "liquid_loader_outside");
    std::ofstream(fs::path(root_).parent_path() / "liquid_loader_outside" / "secret.liquid") << "secret";
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const std::string& name, const std::string& text) { std::ofstream(root_ / name, std::ios::binary) << text; }
  fs::path root_;
};

TEST_F(DirectoryLoaderTest, NameAsWrittenThenWithExtension) {
  DirectoryLoader loader(root_);
  EXPECT_EQ(loader.load("plain"), "as written");
  EXPECT_EQ(loader.load("card"), "<{{ card }}>");
  EXPECT_EQ(loader.load("card.liquid"), "<{{ card }}>");
  EXPECT_EQ(loader.load("both"), "without extension");
  EXPECT_EQ(loader.load("sub/item"), "item {{ item }}");
  EXPECT_EQ(loader.display_name("card"), (root_ / "card.liquid").string());
  EXPECT_EQ(loader.display_name("missing"), "missing");
}

TEST_F(DirectoryLoaderTest, NamesThatLeaveTheDirectoryAreNotFound) {
  DirectoryLoader loader(root_);
  EXPECT_EQ(loader.load("../liquid_loader_outside/secret"), std::nullopt);
  EXPECT_EQ(loader.load("sub/../../liquid_loader_outside/secret"), std::nullopt);
  EXPECT_EQ(loader.load((fs::path(root_).parent_path() / "liquid_loader_outside" / "secret").string()), std::nullopt);
  EXPECT_EQ(loader.load(""), std::nullopt);
  EXPECT_EQ(loader.load("missing"), std::nullopt);
  EXPECT_EQ(loader.load("sub"), std::nullopt);  // a directory is not a partial
  EXPECT_EQ(loader.load("dir"), std::nullopt);
  EXPECT_EQ(loader.load(std::string("nul\0name", 8)), std::nullopt);
}

TEST_F(DirectoryLoaderTest, PartialsRenderThroughIt) {
  DirectoryLoader loader(root_);
  RenderOptions ro;
  ro.partials = &loader;
  auto t = Template::parse("{% include 'card' with 'x' %}{% render 'sub/item' with 1 as item %}");
  EXPECT_EQ(t.render(Value(), ro), "<x>item 1");
  // A missing partial names itself as Shopify does; its position is the tag's.
  try {
    Template::parse("\n{% render 'nope' %}").render(Value(), ro);
    FAIL() << "rendered";
  } catch (const RenderError& e) {
    EXPECT_EQ(e.id(), errc::missing_partial);
    EXPECT_EQ(e.diagnostic().message, "Could not find asset nope");
    EXPECT_EQ(e.line(), 2u);
  }
  // Errors inside a partial carry its file name.
  write("bad.liquid", "x\n{{ 1 | divided_by: 0 }}");
  try {
    Template::parse("{% include 'bad' %}").render(Value(), ro);
    FAIL() << "rendered";
  } catch (const RenderError& e) {
    EXPECT_EQ(e.diagnostic().where.name, (root_ / "bad.liquid").string());
    EXPECT_EQ(e.line(), 2u);
  }
}

TEST(Loader, PartialCacheSharesParsedPartials) {
  MemoryLoader loader;
  loader.add("p", "[{{ x }}]");
  PartialCache cache;
  RenderOptions ro;
  ro.partials = &loader;
  ro.cache = &cache;
  auto t = Template::parse("{% include 'p' %}{% include 'p' %}");
  EXPECT_EQ(t.render(parse_json(R"({"x": 1})"), ro), "[1][1]");
  auto cached = cache.find("0p");
  ASSERT_NE(cached, nullptr);
  EXPECT_EQ(cached->source(), "[{{ x }}]");
  // Later renders use the cached parse even if the loader changes.
  loader.add("p", "changed");
  EXPECT_EQ(t.render(parse_json(R"({"x": 2})"), ro), "[2][2]");
  // Keyed by mode too: a strict template parses its partials strictly.
  ParseOptions po;
  po.mode = ErrorMode::strict;
  EXPECT_EQ(Template::parse("{% include 'p' %}", po).render(Value(), ro), "changed");
  EXPECT_NE(cache.find("1p"), nullptr);
  cache.insert("0p", nullptr);
  EXPECT_NE(cache.find("0p"), nullptr);  // the first insert wins
}

}  // namespace
}  // namespace liquid

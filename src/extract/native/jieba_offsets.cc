// jieba's cut, returning word boundaries instead of words.
//
// nodejieba's cut hands back a JS array of strings built one N-API call at a
// time: about half of its cost and a third of extraction time went there.
// This addon runs the same cppjieba (nodejieba's bundled copy, same
// dictionaries) and returns one Uint32Array of UTF-16 [start, end) pairs.
#include <node_api.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "cppjieba/MixSegment.hpp"

namespace {

// nodejieba's Jieba::Cut is MixSegment::Cut: split at separators, segment each
// piece. Same here, keeping cppjieba's word ranges instead of copying words out.
class RangeSegment : public cppjieba::MixSegment {
 public:
  using cppjieba::MixSegment::MixSegment;

  // Calls emit(firstByte, endByte) for each word, in order.
  template <typename Emit>
  void Cut(const std::string& text, bool hmm, Emit emit) const {
    cppjieba::PreFilter filter(symbols_, text);
    std::vector<cppjieba::WordRange> ranges;
    ranges.reserve(text.size() / 2);
    while (filter.HasNext()) {
      const cppjieba::PreFilter::Range piece = filter.Next();
      MixSegment::Cut(piece.begin, piece.end, ranges, hmm);
    }
    for (const cppjieba::WordRange& r : ranges) emit(r.left->offset, r.right->offset + r.right->len);
  }
};

// What nodejieba's load builds for cut: the dictionary trie (main and user
// dictionary) and the HMM model for words the dictionary lacks.
struct Segmenter {
  Segmenter(const std::string& dict, const std::string& hmmModel, const std::string& userDict)
      : trie(dict, userDict), model(hmmModel), segment(&trie, &model) {}
  cppjieba::DictTrie trie;
  cppjieba::HMMModel model;
  RangeSegment segment;
};

// One segmenter per set of dictionaries for the whole process: worker threads
// share it (cutting only reads it), so the pool holds one dictionary trie,
// not one per thread. Each thread's environment keeps a reference to its own.
std::mutex shared_mutex;
std::map<std::string, std::weak_ptr<const Segmenter>> shared_segmenters;

std::shared_ptr<const Segmenter> SharedSegmenter(const std::string (&paths)[3]) {
  const std::string key = paths[0] + '\n' + paths[1] + '\n' + paths[2];
  std::lock_guard<std::mutex> lock(shared_mutex);
  std::shared_ptr<const Segmenter> segmenter = shared_segmenters[key].lock();
  if (!segmenter) {
    segmenter = std::make_shared<const Segmenter>(paths[0], paths[1], paths[2]);
    shared_segmenters[key] = segmenter;
  }
  return segmenter;
}

// This environment's segmenter (N-API instance data), or null before load().
const Segmenter* InstanceSegmenter(napi_env env) {
  void* data = nullptr;
  napi_get_instance_data(env, &data);
  return data ? static_cast<std::shared_ptr<const Segmenter>*>(data)->get() : nullptr;
}

void ReleaseInstance(napi_env, void* data, void*) {
  delete static_cast<std::shared_ptr<const Segmenter>*>(data);
}

napi_value Throw(napi_env env, const char* message) {
  napi_throw_error(env, nullptr, message);
  return nullptr;
}

bool ToUtf8(napi_env env, napi_value value, std::string* out) {
  size_t length = 0;
  if (napi_get_value_string_utf8(env, value, nullptr, 0, &length) != napi_ok) return false;
  out->resize(length);
  return napi_get_value_string_utf8(env, value, &(*out)[0], length + 1, &length) == napi_ok;
}

// load(dict, hmmModel, userDict): the paths nodejieba's load takes for these.
napi_value Load(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  std::string paths[3];
  if (argc < 3) return Throw(env, "load(dict, hmmModel, userDict) takes three paths");
  for (int i = 0; i < 3; i++)
    if (!ToUtf8(env, argv[i], &paths[i])) return Throw(env, "load: every argument must be a path");
  try {
    void* previous = nullptr;
    napi_get_instance_data(env, &previous);
    if (previous) delete static_cast<std::shared_ptr<const Segmenter>*>(previous);
    napi_set_instance_data(env, new std::shared_ptr<const Segmenter>(SharedSegmenter(paths)), ReleaseInstance, nullptr);
  } catch (const std::exception& e) {
    return Throw(env, e.what());
  }
  return nullptr;
}

// cut(text, hmm) -> Uint32Array [start0, end0, start1, end1, ...], UTF-16 offsets into text.
napi_value Cut(napi_env env, napi_callback_info info) {
  const Segmenter* segmenter = InstanceSegmenter(env);
  if (!segmenter) return Throw(env, "cut: call load() first");
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  std::string text;
  if (argc < 1 || !ToUtf8(env, argv[0], &text)) return Throw(env, "cut: the text must be a string");
  bool hmm = true;
  if (argc > 1) napi_get_value_bool(env, argv[1], &hmm);

  // cppjieba works on UTF-8 bytes; JS strings count UTF-16 units.
  std::vector<uint32_t> utf16(text.size() + 1, 0);
  uint32_t unit = 0;
  for (size_t i = 0; i < text.size();) {
    const unsigned char lead = text[i];
    const size_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    for (size_t k = 0; k < bytes && i + k < text.size(); k++) utf16[i + k] = unit;
    unit += bytes == 4 ? 2 : 1;
    i += bytes;
  }
  utf16[text.size()] = unit;

  std::vector<uint32_t> offsets;
  offsets.reserve(text.size() / 2);
  segmenter->segment.Cut(text, hmm, [&](uint32_t first, uint32_t end) {
    offsets.push_back(utf16[first]);
    offsets.push_back(utf16[end]);
  });

  void* data = nullptr;
  napi_value buffer, array;
  if (napi_create_arraybuffer(env, offsets.size() * sizeof(uint32_t), &data, &buffer) != napi_ok) return nullptr;
  std::copy(offsets.begin(), offsets.end(), static_cast<uint32_t*>(data));
  napi_create_typedarray(env, napi_uint32_array, offsets.size(), buffer, 0, &array);
  return array;
}

napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor methods[] = {
      {"load", nullptr, Load, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"cut", nullptr, Cut, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, 2, methods);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)

# Laurel's segmenter addon: built by `npm ci` (the package's install script).
# It compiles against the cppjieba sources nodejieba ships, so segmentation
# is nodejieba's, word for word.
{
  "targets": [{
    "target_name": "jieba_offsets",
    "sources": ["jieba_offsets.cc"],
    "cflags_cc!": ["-fno-exceptions"],
    "cflags_cc": ["-std=c++14"],
    "defines": ["LOGGING_LEVEL=LL_WARNING"],
    "include_dirs": [
      "<!(node -p \"require('path').dirname(require.resolve('nodejieba/package.json'))\")/submodules/cppjieba/include",
      "<!(node -p \"require('path').dirname(require.resolve('nodejieba/package.json'))\")/submodules/cppjieba/deps/limonp/include"
    ]
  }]
}

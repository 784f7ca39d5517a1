#pragma once

// GCC compiles a function marked TG_VECTOR_CLONES once for AVX-512, once for
// AVX2 and once for the x86-64 baseline, and the dynamic loader picks the
// widest one the processor runs. Loops in it marked `#pragma omp simd` then
// use the widest vectors available. Other compilers and processors get one
// plain version.
//
// NOTE: GCC 12 treats a call to such a function as one that cannot throw, so
// an exception thrown from it calls std::terminate. Functions marked with it
// must not throw; check their inputs before the call.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define TG_VECTOR_CLONES                                                                           \
    __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define TG_VECTOR_CLONES
#endif

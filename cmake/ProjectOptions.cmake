# Warnings and sanitizers live on INTERFACE targets that every project target links,
# so third-party code and the global flags stay untouched.

add_library(backstride_warnings INTERFACE)
add_library(backstride::warnings ALIAS backstride_warnings)
target_compile_options(backstride_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wnon-virtual-dtor -Wold-style-cast
  -Woverloaded-virtual -Wimplicit-fallthrough -Wcast-align
  $<$<BOOL:${BACKSTRIDE_WARNINGS_AS_ERRORS}>:-Werror>
  # GCC 12 reports impossible overlaps in std::string's operator+ when optimising
  # (GCC bug 105329); the warning is noise there, so it is off for that compiler only.
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>)

add_library(backstride_sanitizers INTERFACE)
add_library(backstride::sanitizers ALIAS backstride_sanitizers)
if(BACKSTRIDE_SANITIZE)
  set(_sanitize_flags -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all
    -fno-omit-frame-pointer)
  target_compile_options(backstride_sanitizers INTERFACE ${_sanitize_flags})
  target_link_options(backstride_sanitizers INTERFACE ${_sanitize_flags})
endif()

# Every project target links this one.
add_library(backstride_options INTERFACE)
add_library(backstride::options ALIAS backstride_options)
target_link_libraries(backstride_options INTERFACE backstride_warnings backstride_sanitizers)
target_include_directories(backstride_options INTERFACE ${PROJECT_SOURCE_DIR}/src)

/* strtold(3)'s entry points arrive with the conversions family. */
typedef int libexplain_rs_long_double_placeholder;

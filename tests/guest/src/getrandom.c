/* Guest test: getrandom returns the length asked for and varying bytes. */
#include "guest.h"
#include <sys/random.h>

int main(void)
{
	unsigned char a[64] = {0}, b[64] = {0};
	show("getrandom 64", RS3(318, a, 64, 0));
	show("getrandom 64 nonblock", RS3(318, b, 64, 1 /* GRND_NONBLOCK */));
	printf("two draws differ: %d\n", memcmp(a, b, 64) != 0);
	show("getrandom 0", RS3(318, a, 0, 0));
	show("getrandom bad flags", RS3(318, a, 16, 0x100));
	static unsigned char big[1 << 16];
	long n = RS3(318, big, sizeof(big), 0);
	printf("getrandom 64K returned full length: %d\n", n == sizeof(big));
	int counts[256] = {0};
	for (size_t i = 0; i < sizeof(big); i++)
		counts[big[i]]++;
	int min = 1 << 30, max = 0;
	for (int i = 0; i < 256; i++) {
		min = counts[i] < min ? counts[i] : min;
		max = counts[i] > max ? counts[i] : max;
	}
	printf("byte histogram plausible: %d\n", min > 128 && max < 400);
	int fd = open("/dev/urandom", O_RDONLY);
	printf("/dev/urandom read 32: %zd\n", read(fd, a, 32));
	return 0;
}

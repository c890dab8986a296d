/*
 * Guest test: file I/O in the current directory: create, write, read,
 * lseek (SET/CUR/END, holes), pread/pwrite, O_APPEND, O_TRUNC, O_EXCL,
 * ftruncate/truncate, fsync, and stdio on top.
 */
#include "guest.h"

int main(void)
{
	char buf[256];
	int fd = open("f1", O_RDWR | O_CREAT | O_EXCL, 0644);
	showc("open f1 O_CREAT|O_EXCL", fd >= 0 ? 0 : -1);
	showc("write 11", write(fd, "hello world", 11));
	showc("lseek cur", lseek(fd, 0, SEEK_CUR));
	showc("lseek set 6", lseek(fd, 6, SEEK_SET));
	memset(buf, 0, sizeof(buf));
	showc("read 100", read(fd, buf, 100));
	printf("read got \"%s\"\n", buf);
	showc("read at eof", read(fd, buf, 100));
	showc("lseek end -5", lseek(fd, -5, SEEK_END));
	showc("lseek before start", lseek(fd, -100, SEEK_CUR));
	showc("pwrite at 0", pwrite(fd, "HELLO", 5, 0));
	showc("lseek cur after pwrite", lseek(fd, 0, SEEK_CUR));
	memset(buf, 0, sizeof(buf));
	showc("pread 4 at 3", pread(fd, buf, 4, 3));
	printf("pread got \"%s\"\n", buf);
	showc("pread past eof", pread(fd, buf, 4, 1000));
	/* A hole: write at 20000, the gap reads as zeros. */
	showc("lseek 20000", lseek(fd, 20000, SEEK_SET));
	showc("write after hole", write(fd, "end", 3));
	struct stat st;
	showc("fstat", fstat(fd, &st));
	printf("size = %lld\n", (long long)st.st_size);
	memset(buf, 1, sizeof(buf));
	showc("pread in hole", pread(fd, buf, 16, 100));
	int zeros = 1;
	for (int i = 0; i < 16; i++)
		zeros &= buf[i] == 0;
	printf("hole reads zeros: %d\n", zeros);
	showc("ftruncate 8", ftruncate(fd, 8));
	showc("fstat", fstat(fd, &st));
	printf("size = %lld\n", (long long)st.st_size);
	showc("fsync", fsync(fd));
	showc("fdatasync", fdatasync(fd));
	showc("close", close(fd));

	showc("open O_EXCL again", open("f1", O_RDWR | O_CREAT | O_EXCL, 0644));
	fd = open("f1", O_WRONLY | O_APPEND);
	showc("write append", write(fd, "+tail", 5));
	showc("lseek 0 then append", lseek(fd, 0, SEEK_SET));
	showc("write append 2", write(fd, "!", 1));
	close(fd);
	fd = open("f1", O_RDONLY);
	memset(buf, 0, sizeof(buf));
	showc("read whole", read(fd, buf, sizeof(buf)));
	printf("content \"%s\"\n", buf);
	showc("write to O_RDONLY", write(fd, "x", 1));
	close(fd);
	showc("truncate 3", truncate("f1", 3));
	stat("f1", &st);
	printf("size after truncate = %lld\n", (long long)st.st_size);
	fd = open("f1", O_RDWR | O_TRUNC);
	fstat(fd, &st);
	printf("size after O_TRUNC = %lld\n", (long long)st.st_size);
	close(fd);

	/* stdio */
	FILE *f = fopen("f2", "w+");
	for (int i = 0; i < 1000; i++)
		fprintf(f, "line %d\n", i);
	rewind(f);
	long sum = 0;
	int n;
	while (fscanf(f, "line %d\n", &n) == 1)
		sum += n;
	printf("stdio sum = %ld, ftell = %ld\n", sum, ftell(f));
	fclose(f);
	/* A big write and read back in odd-sized chunks. */
	static char big[200000], back[200000];
	for (int i = 0; i < (int)sizeof(big); i++)
		big[i] = (char)(i * 31 + 7);
	fd = open("f3", O_RDWR | O_CREAT, 0600);
	showc("big write", write(fd, big, sizeof(big)));
	lseek(fd, 0, SEEK_SET);
	size_t got = 0;
	ssize_t r;
	while ((r = read(fd, back + got, 7777)) > 0)
		got += r;
	printf("read back %zu bytes, equal: %d\n", got,
	       memcmp(big, back, sizeof(big)) == 0);
	close(fd);
	unlink("f1");
	unlink("f2");
	unlink("f3");
	return 0;
}

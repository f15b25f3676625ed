/**
 * Files some images ship that learners look at or change from
 * `kubectl exec`: a web server's pages (which it then serves: write a new
 * index.html and curl shows it), a tutorial's source. Mounting a volume on
 * their folder hides them, as on a real node.
 */

/** nginx's default page (docker.io/library/nginx, /usr/share/nginx/html/index.html). */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
</body>
</html>
`;

const NGINX_50X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
</body>
</html>
`;

const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

/** The image's main configuration (/etc/nginx/nginx.conf), which includes conf.d/*.conf. */
const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

export const NGINX_FILES: Readonly<Record<string, string>> = {
  '/etc/nginx/nginx.conf': NGINX_CONF,
  '/usr/share/nginx/html/index.html': NGINX_WELCOME,
  '/usr/share/nginx/html/50x.html': NGINX_50X,
  '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
};

export const HTTPD_FILES: Readonly<Record<string, string>> = {
  '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n',
};

/**
 * The Kubernetes Basics tutorial's app (`cat server.js` in its "Explore
 * your app" module): a Node server on 8080, written for the playground to
 * behave as the tutorial's. Its v1 image answers `v=1`, its v2 `v=2`.
 */
function bootcampFiles(version: number): Readonly<Record<string, string>> {
  return {
    '/server.js': `var http = require('http');
var requests = 0;
var host = process.env.HOSTNAME;

// Answers every request with a greeting, the pod's host name and the app's version.
var handleRequest = function (request, response) {
  response.setHeader('Content-Type', 'text/plain');
  response.writeHead(200);
  response.write('Hello Kubernetes bootcamp! | Running on: ');
  response.write(host);
  response.end(' | v=${version}\\n');
  console.log('Running On:', host, '| Total Requests:', ++requests, '| App Uptime:', process.uptime(), 'seconds');
};

var www = http.createServer(handleRequest);
www.listen(8080, function () {
  console.log('Kubernetes Bootcamp App Started | Running On:', host);
});
`,
  };
}

export const BOOTCAMP_FILES = bootcampFiles(1);
export const BOOTCAMP_V2_FILES = bootcampFiles(2);

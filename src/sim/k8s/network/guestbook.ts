import type { ImageProfile } from '../images/catalog';
import type { Client, NetworkEnv } from './http';
import { redisServerAt } from './redisNet';

type Guestbook = NonNullable<ImageProfile['guestbook']>;

/** The guestbook's page, an AngularJS app: a form that adds a message, and the messages. */
const PAGE = `<!DOCTYPE html>
<html ng-app="redis">
  <head>
    <meta charset="utf-8">
    <title>Guestbook</title>
    <script src="https://ajax.googleapis.com/ajax/libs/angularjs/1.2.12/angular.min.js"></script>
    <script src="controllers.js"></script>
  </head>
  <body ng-controller="RedisCtrl">
    <div style="width: 50%; margin-left: 20px">
      <h2>Guestbook</h2>
      <form ng-submit="submit()">
        <input ng-model="msg" placeholder="Messages" type="text"><br>
        <button type="submit">Submit</button>
      </form>
      <div ng-repeat="m in messages track by $index">{{m}}</div>
    </div>
  </body>
</html>
`;

/** The page's controller: the messages are one comma-separated value (",first,second"), read with cmd=get and written whole with cmd=set. */
const SCRIPT = `var redisApp = angular.module('redis', []);
redisApp.controller('RedisCtrl', function ($scope, $http) {
  $scope.messages = [];
  $http.get('guestbook.php?cmd=get&key=messages').then(function (r) {
    $scope.messages = r.data.data.split(',').filter(Boolean);
  });
  $scope.submit = function () {
    $scope.messages.push($scope.msg);
    $http.get('guestbook.php?cmd=set&key=messages&value=' + encodeURIComponent(',' + $scope.messages.join(',')));
    $scope.msg = '';
  };
});
`;

/**
 * What the guestbook's PHP frontend (`php-redis`) answers GET `path` with,
 * from the frontend pod `client`: its page and script, and guestbook.php —
 * `cmd=set` writes the value to the redis leader (`{"message": "Updated"}`),
 * `cmd=get` reads it from a follower (`{"data": "…"}`), each reached by its
 * Service name (or, with GET_HOSTS_FROM=env, the Service's address from the
 * environment). A redis it cannot reach is Predis's uncaught exception,
 * printed as the script's `display_errors` asks. Without `cmd`, phpinfo().
 */
export function guestbookAnswer(env: NetworkEnv, client: Client, gb: Guestbook, tag: string | undefined, path: string, vars: ReadonlyMap<string, string>): { status: number; body: string } | undefined {
  const q = path.indexOf('?');
  const file = q < 0 ? path : path.slice(0, q);
  if (file === '/' || file === '/index.html') return { status: 200, body: PAGE };
  if (file === '/controllers.js') return { status: 200, body: SCRIPT };
  if (file !== '/guestbook.php') return undefined;
  const params = queryOf(q < 0 ? '' : path.slice(q + 1));
  const cmd = params.get('cmd') ?? null;
  if (cmd === null) return { status: 200, body: phpinfo(gb.php) };
  const fromEnv = vars.get('GET_HOSTS_FROM') === 'env';
  const follower = gb.followerByTag?.[tag ?? ''] ?? gb.follower;
  const hostOf = (service: string) => (fromEnv ? (vars.get(`${service.toUpperCase().replace(/-/g, '_')}_SERVICE_HOST`) ?? '') : service);
  const key = gb.key ?? params.get('key') ?? '';
  const host = hostOf(cmd === 'set' ? gb.leader : follower);
  const target = redisServerAt(env, client, host, 6379);
  if (typeof target === 'string') {
    const why = target.endsWith('Name or service not known') ? 'php_network_getaddresses: getaddrinfo failed: Name or service not known' : target.slice(target.lastIndexOf(': ') + 2);
    return { status: 200, body: `<br />\n<b>Fatal error</b>:  Uncaught exception 'Predis\\Connection\\ConnectionException' with message '${why} [tcp://${host}:6379]'<br />\n` };
  }
  target.refresh?.();
  if (cmd === 'set') {
    if (target.replica) return { status: 200, body: `<br />\n<b>Fatal error</b>:  Uncaught exception 'Predis\\Response\\ServerException' with message 'READONLY You can't write against a read only replica.'<br />\n` };
    target.server.keys.set(key, params.get('value') ?? '');
    return { status: 200, body: '{"message": "Updated"}' };
  }
  return { status: 200, body: `{"data": "${target.server.keys.get(key) ?? ''}"}` };
}

/** A query string as PHP's `$_GET` reads it: `+` and `%XX` decoded; the last of a repeated name wins (malformed escapes are kept as typed). */
function queryOf(query: string): Map<string, string> {
  const out = new Map<string, string>();
  const decode = (x: string) => {
    try {
      return decodeURIComponent(x.replace(/\+/g, ' '));
    } catch {
      return x;
    }
  };
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    out.set(name, decode(eq < 0 ? '' : part.slice(eq + 1)));
  }
  return out;
}

/** phpinfo()'s page, its opening (the frontend runs PHP in Apache); the version heading when the image's PHP is known. */
function phpinfo(version: string | undefined): string {
  const heading = version ? `<tr class="h"><td>\n<h1 class="p">PHP Version ${version}</h1>\n</td></tr>\n` : '';
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<title>phpinfo()</title><meta name="ROBOTS" content="NOINDEX,NOFOLLOW,NOARCHIVE" /></head>
<body><div class="center">
<table>
${heading}<tr><td class="e">Server API </td><td class="v">Apache 2.0 Handler </td></tr>
</table>
</div></body></html>
`;
}
